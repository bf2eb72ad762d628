// Whole UTC days written as ISO dates ('2026-11-24'): the API's dates are UTC, so a partner in any time zone sees
// the same figures for the same link. Used by the filters, the charts' time buckets and the request plan.
import { UTCDate } from '@date-fns/utc';
import { addDays, differenceInCalendarDays, formatISO, isValid } from 'date-fns';

/** An inclusive range of whole UTC days. */
export interface DayRange {
  from: string;
  to: string;
}

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written as YYYY-MM-DD (rejects 2026-02-30). */
export function isIsoDay(value: string): boolean {
  if (!DAY_PATTERN.test(value)) return false;
  const parsed = toUtcDay(value);
  return isValid(parsed) && formatDay(parsed) === value;
}

export function toUtcDay(value: string): UTCDate {
  return new UTCDate(`${value}T00:00:00Z`);
}

export function formatDay(date: Date): string {
  return formatISO(new UTCDate(date), { representation: 'date' });
}

/** Today as a UTC day. */
export function utcToday(now: Date): string {
  return formatDay(new UTCDate(now));
}

export function addDaysToDay(day: string, amount: number): string {
  return formatDay(addDays(toUtcDay(day), amount));
}

/** Number of days in an inclusive range. */
export function rangeLength(range: DayRange): number {
  return differenceInCalendarDays(toUtcDay(range.to), toUtcDay(range.from)) + 1;
}

/** The range of the same length that ends the day before `range` starts. */
export function previousRange(range: DayRange): DayRange {
  const length = rangeLength(range);
  const to = addDaysToDay(range.from, -1);
  return { from: addDaysToDay(to, -(length - 1)), to };
}
