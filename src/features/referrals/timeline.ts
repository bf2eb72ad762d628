import { utc } from '@date-fns/utc';
import { formatDuration, intervalToDuration, type Duration } from 'date-fns';
import type { DateField, Referral } from '../../lib/referrals/schema';
import { parseApiDate } from './dates';
import { FIELD_LABELS } from './fields';

/** The lifecycle's natural order, used to order steps that happened at the same instant. */
const LIFECYCLE_ORDER: readonly DateField[] = [
  'createdDate',
  'acknowledgedDate',
  'acceptedDate',
  'declinedDate',
  'expiredDate',
  'missedDate',
  'skippedDate',
  'wonDate',
  'lostDate',
  'archivedDate',
];

export interface TimelineStep {
  field: DateField;
  label: string;
  at: Date;
  /** When the step before happened, or null for the first step. */
  previousAt: Date | null;
  /** Milliseconds since the step before, or null for the first step. */
  sincePrevious: number | null;
}

/**
 * The states a referral reached, in the order they happened, each with the time since the step
 * before. Dates that are missing or unreadable are left out (the field list still shows them).
 */
export function lifecycleTimeline(referral: Referral): TimelineStep[] {
  const reached = LIFECYCLE_ORDER.flatMap((field, rank) => {
    const at = parseApiDate(referral[field]);
    return at ? [{ field, rank, at }] : [];
  });
  reached.sort((a, b) => a.at.getTime() - b.at.getTime() || a.rank - b.rank);
  return reached.map(({ field, at }, index) => {
    const previous = reached[index - 1];
    return {
      field,
      label: FIELD_LABELS[field],
      at,
      previousAt: previous?.at ?? null,
      sincePrevious: previous ? at.getTime() - previous.at.getTime() : null,
    };
  });
}

const UNITS: readonly (keyof Duration)[] = [
  'years',
  'months',
  'days',
  'hours',
  'minutes',
  'seconds',
];

/**
 * "3 days 4 hours": the two largest units between two instants, for reading at a glance. Counted
 * in UTC, so a daylight-saving change never turns a day into "23 hours".
 */
export function describeDuration(start: Date, end: Date): string {
  const ms = end.getTime() - start.getTime();
  if (ms === 0) return 'at the same time';
  const [from, to] = ms < 0 ? [end, start] : [start, end];
  const duration = intervalToDuration({ start: from, end: to }, { in: utc });
  const largest = UNITS.findIndex((unit) => (duration[unit] ?? 0) > 0);
  if (largest === -1) return 'under a second';
  const text = formatDuration(duration, { format: UNITS.slice(largest, largest + 2) });
  return ms < 0 ? `${text} earlier` : text;
}
