// Dates from the API are UTC without a trailing `Z` (`2018-02-07T23:43:19`). They are shown in the
// user's locale but in UTC, and the column headers say "(UTC)", so a date reads the same for
// everyone who looks at the same referral.
import { parseIsoInstant } from '../../lib/filter-grammar';

/** The instant an API date names, or null for null or text that is not an ISO date. */
export function parseApiDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const ms = parseIsoInstant(value);
  return ms === null ? null : new Date(ms);
}

/** `2018-02-07T23:43:19Z`: the machine-readable form for `<time dateTime>`. */
export function isoUtc(date: Date): string {
  return date.toISOString().replace(/\.000Z$/, 'Z');
}

// The API's documented form; exports turn it around with string work alone (100,000s of cells).
const API_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/**
 * `2018-02-07 23:43:19`: the form spreadsheets read as a date-time on their own; the CSV header
 * says "(UTC)". Unparseable text is passed through unchanged rather than lost.
 */
export function spreadsheetDate(value: string | null): string {
  if (value !== null && API_DATE_TIME.test(value))
    return `${value.slice(0, 10)} ${value.slice(11)}`;
  const date = parseApiDate(value);
  if (!date) return value ?? '';
  return isoUtc(date).slice(0, 19).replace('T', ' ');
}
