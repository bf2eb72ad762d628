// How the page writes durations and cohorts.
import { MS_PER_DAY, parseIsoInstant } from '../../../lib/filter-grammar';
import { formatUtcDay, formatUtcMonth } from '../../../lib/format/format';
import type { Precision } from './precision';
import type { CohortSize } from './response-times';

/** "2 days", "1 week"; "—" when nobody has reached the stage. */
export function formatDuration(units: number | null, precision: Precision): string {
  if (units === null) return '—';
  const word = precision === 'day' ? 'day' : 'week';
  return `${units} ${word}${units === 1 ? '' : 's'}`;
}

export function unitWord(precision: Precision): string {
  return precision === 'day' ? 'days' : 'weeks';
}

/** "Week of Nov 23, 2026" for weekly cohorts, "Nov 2026" for monthly ones. */
export function cohortLabel(start: string, size: CohortSize): string {
  const ms = parseIsoInstant(start) ?? 0;
  return size === 'week' ? `Week of ${formatUtcDay(new Date(ms))}` : formatUtcMonth(new Date(ms));
}

export function dayLabel(day: number): string {
  return formatUtcDay(new Date(day * MS_PER_DAY));
}
