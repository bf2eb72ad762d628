// Numbers and dates in the browser's locale (Intl with no locale given) for the awaiting list and the response-times
// page: one place, to fold into the shared formatter in src/lib/format when it lands.

const countFormat = new Intl.NumberFormat(undefined);
const percentFormat = new Intl.NumberFormat(undefined, {
  style: 'percent',
  maximumFractionDigits: 1,
});
const utcDateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});
const utcDayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

export function formatLocalCount(value: number): string {
  return countFormat.format(value);
}

/** A share as a percentage; "—" when there is nothing to divide by. */
export function formatLocalPercent(value: number | null): string {
  return value === null ? '—' : percentFormat.format(value);
}

/** An instant as a date and time in UTC ("6 Dec 2026, 09:15"). */
export function formatUtcDateTime(ms: number): string {
  return utcDateTimeFormat.format(ms);
}

/** An instant's UTC day ("6 Dec 2026"). */
export function formatUtcDay(ms: number): string {
  return utcDayFormat.format(ms);
}

const utcMonthFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** An instant's UTC month ("Dec 2026"). */
export function formatUtcMonth(ms: number): string {
  return utcMonthFormat.format(ms);
}
