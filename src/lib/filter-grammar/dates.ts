// ISO 8601 date and date-time literals as the API writes and accepts them, read without `Date` so that years below 100
// are not shifted to the 1900s and so that the sandbox can read a million stored dates quickly.

export const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1..12). Hinnant's days_from_civil. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Inverse of `daysFromCivil`. */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const ZERO = 48;

/** The value of `count` decimal digits at `at`, or -1 when any of them is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - ZERO;
    if (!(d >= 0 && d <= 9)) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * Epoch milliseconds of `YYYY-MM-DD`, optionally followed by `THH:mm`, `:ss`, a fraction of up to 9 digits (kept to
 * the millisecond) and, after a time, `Z` or `±HH:mm`. Without an offset the time is UTC; a date alone is midnight
 * UTC. Returns null for anything else, including dates that do not exist (2026-02-30) or times out of range.
 */
export function parseIsoInstant(text: string): number | null {
  const n = text.length;
  if (n < 10 || text[4] !== '-' || text[7] !== '-') return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  let ms = daysFromCivil(year, month, day) * MS_PER_DAY;
  if (n === 10) return ms;

  if (text[10] !== 'T' || n < 16 || text[13] !== ':') return null;
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  ms += hour * 3_600_000 + minute * 60_000;
  let at = 16;
  if (text[at] === ':') {
    const second = digits(text, at + 1, 2);
    if (second < 0 || second > 59) return null;
    ms += second * 1000;
    at += 3;
    if (text[at] === '.') {
      const start = at + 1;
      let end = start;
      while (end < n && end - start < 10 && digits(text, end, 1) >= 0) end++;
      if (end === start || end - start > 9) return null;
      ms += Math.floor(
        digits(text, start, Math.min(3, end - start)) * 10 ** (3 - Math.min(3, end - start)),
      );
      at = end;
    }
  }
  if (at === n) return ms;
  if (text[at] === 'Z') return at + 1 === n ? ms : null;
  const sign = text[at] === '+' ? 1 : text[at] === '-' ? -1 : 0;
  if (sign === 0 || n !== at + 6 || text[at + 3] !== ':') return null;
  const offsetHours = digits(text, at + 1, 2);
  const offsetMinutes = digits(text, at + 4, 2);
  if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) return null;
  return ms - sign * (offsetHours * 3_600_000 + offsetMinutes * 60_000);
}
