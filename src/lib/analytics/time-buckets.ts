// Time buckets of grouped answers. The API only returns buckets that have referrals; a chart needs every bucket of
// the range, so gaps are filled with zero here. Weeks start on Monday (ISO 8601) as the API's do.
import { UTCDate } from '@date-fns/utc';
import { addDays, addMonths, startOfISOWeek, startOfMonth } from 'date-fns';
import { formatUtcDay, formatUtcMonth, formatUtcShortDay } from '../format/format';
import type { AggregationLevel } from '../referrals/schema';
import { formatDay, toUtcDay, type DayRange } from '../dates/days';

/** The start of the bucket holding an API date-time ('2026-08-24T13:00:00', with or without a zone), or null. */
export function bucketStart(
  dateTime: string | null | undefined,
  granularity: AggregationLevel,
): string | null {
  if (!dateTime) return null;
  const day = toUtcDay(dateTime.slice(0, 10));
  if (Number.isNaN(day.getTime())) return null;
  switch (granularity) {
    case 'day':
      return formatDay(day);
    case 'week':
      return formatDay(startOfISOWeek(day));
    case 'month':
      return formatDay(startOfMonth(day));
  }
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
