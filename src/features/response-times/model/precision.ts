// How precisely the page knows each duration: the API groups dates by day, week or month, and a query grouping
// created date × stage date has up to U·(U+1)/2 + U buckets over U units (stage on or after creation, plus "not
// yet"). Days while that stays under the API's 10,000-row page, weeks beyond (up to 139 weeks, past 24 months).
import { MS_PER_DAY, parseIsoInstant } from '../../../lib/filter-grammar';
import type { DayRange } from '../../filters';

export type Precision = 'day' | 'week';

export const MAX_BUCKETS = 10_000;

/** Units covered by created dates in `range` and stage dates up to its end. */
function units(range: DayRange, unitDays: number): number {
  const from = parseIsoInstant(range.from) ?? 0;
  const to = parseIsoInstant(range.to) ?? 0;
  return Math.floor((to - from) / MS_PER_DAY / unitDays) + 2;
}

export function bucketBound(count: number): number {
  return (count * (count + 1)) / 2 + count;
}

export function precisionFor(range: DayRange): Precision {
  return bucketBound(units(range, 1)) < MAX_BUCKETS ? 'day' : 'week';
}

export function unitDays(precision: Precision): number {
  return precision === 'day' ? 1 : 7;
}

/** Days since 1970-01-01 of an API date (UTC), or null. */
export function dayNumber(value: string | null | undefined): number | null {
  if (!value) return null;
  const ms = parseIsoInstant(value);
  return ms === null ? null : Math.floor(ms / MS_PER_DAY);
}

/** Day 4 (1970-01-05) is a Monday: the API's weeks start on Monday. */
const FIRST_MONDAY = 4;

/** The unit index of a day number: the day itself, or its ISO week. */
export function unitOf(day: number, precision: Precision): number {
  return precision === 'day' ? day : Math.floor((day - FIRST_MONDAY) / 7);
}
