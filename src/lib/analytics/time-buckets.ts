// Time buckets of grouped answers. The API only returns buckets that have referrals; a chart needs every bucket of
// the range, so gaps are filled with zero here. Weeks start on Monday (ISO 8601) as the API's do.
import { UTCDate } from '@date-fns/utc';
import { addDays, addMonths, startOfISOWeek, startOfMonth } from 'date-fns';
import { formatUtcDay, formatUtcMonth, formatUtcShortDay } from '../format/format';
import type { AggregationLevel } from '../referrals/schema';
import { formatDay, toUtcDay, type DayRange } from '../dates/days';

/** The first day of the bucket holding `day` ('2026-08-24'), or null when it is no day. */
function floorDay(day: string, granularity: AggregationLevel): string | null {
  const date = toUtcDay(day);
  if (Number.isNaN(date.getTime())) return null;
  switch (granularity) {
    case 'day':
      return formatDay(date);
    case 'week':
      return formatDay(startOfISOWeek(date));
    case 'month':
      return formatDay(startOfMonth(date));
  }
}

/**
 * floorDay's answers per level, by day. Chart models floor every bucket of their answers again on each granularity
 * change (thousands of joint day pairs for the win rate) and it is always the same few hundred days, while each
 * floor through date-fns costs microseconds: about 8 ms a change before this memo. Bounded, as strings from the
 * API are: a view spans a few hundred days, years of them fit, and past the bound the oldest entry goes first.
 */
export const BUCKET_START_MEMO_SIZE = 4096;
const floors: Record<AggregationLevel, Map<string, string | null>> = {
  day: new Map(),
  week: new Map(),
  month: new Map(),
};

/** The start of the bucket holding an API date-time ('2026-08-24T13:00:00', with or without a zone), or null. */
export function bucketStart(
  dateTime: string | null | undefined,
  granularity: AggregationLevel,
): string | null {
  if (!dateTime) return null;
  const day = dateTime.slice(0, 10);
  const known = floors[granularity];
  const found = known.get(day);
  if (found !== undefined) return found;
  const start = floorDay(day, granularity);
  if (known.size >= BUCKET_START_MEMO_SIZE) known.delete(known.keys().next().value as string);
  known.set(day, start);
  return start;
}

/** Every bucket start from the one holding `range.from` to the one holding `range.to`. */
export function bucketStarts(range: DayRange, granularity: AggregationLevel): string[] {
  const first = bucketStart(range.from, granularity);
  if (first === null) return [];
  const starts: string[] = [];
  let current: UTCDate = toUtcDay(first);
  const last = toUtcDay(range.to);
  while (current <= last) {
    starts.push(formatDay(current));
    current =
      granularity === 'day'
        ? addDays(current, 1)
        : granularity === 'week'
          ? addDays(current, 7)
          : addMonths(current, 1);
  }
  return starts;
}

export const NO_DATE_LABEL = 'No date';

/** Short axis text: "Aug 24" for days and weeks, "Aug 2026" for months. */
export function bucketTick(start: string | null, granularity: AggregationLevel): string {
  if (start === null) return NO_DATE_LABEL;
  const date = toUtcDay(start);
  return granularity === 'month' ? formatUtcMonth(date) : formatUtcShortDay(date);
}

/** "Aug 24, 2026", "Week of Aug 24, 2026", "Aug 2026"; null buckets are "No date". */
export function bucketLabel(start: string | null, granularity: AggregationLevel): string {
  if (start === null) return NO_DATE_LABEL;
  const date = toUtcDay(start);
  switch (granularity) {
    case 'day':
      return formatUtcDay(date);
    case 'week':
      return `Week of ${formatUtcDay(date)}`;
    case 'month':
      return formatUtcMonth(date);
  }
}

/** A count as the API may send it (a number or a numeric string); anything else counts as zero. */
export function countOf(value: unknown): number {
  const count = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof count === 'number' && Number.isFinite(count) ? count : 0;
}
