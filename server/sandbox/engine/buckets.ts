// Date buckets as day numbers (days since 1970-01-01 UTC), so grouping never builds a Date per row.

import type { AggregationLevel } from '../../../src/lib/referrals/schema';
import { MS_PER_DAY, civilFromDays, daysFromCivil } from '../../../src/lib/filter-grammar/dates';

/** The day number holding an instant. */
export function dayOf(ms: number): number {
  return Math.floor(ms / MS_PER_DAY);
}

/** The Monday (ISO 8601 week start) on or before a day. 1970-01-01, day 0, was a Thursday. */
export function weekStartOf(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

/** The first day of the day's month. */
export function monthStartOf(day: number): number {
  const { year, month } = civilFromDays(day);
  return daysFromCivil(year, month, 1);
}

/** The first day of the bucket holding an instant. */
export function bucketStart(ms: number, level: AggregationLevel): number {
  const day = dayOf(ms);
  switch (level) {
    case 'day':
      return day;
    case 'week':
      return weekStartOf(day);
    case 'month':
      return monthStartOf(day);
  }
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** A bucket's start as the API writes dates: UTC, no `Z` (`2018-02-05T00:00:00`). */
export function formatDay(day: number): string {
  const { year, month, day: dayOfMonth } = civilFromDays(day);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(dayOfMonth, 2)}T00:00:00`;
}
