// The Excel form of exported referrals: one typed cell per field. Dates become date cells (the
// API's UTC date-times, shown as UTC: Excel has no time zones, and the header says "(UTC)"),
// numbers stay numbers, and text is always a text cell, so a customer name such as
// `=HYPERLINK(…)` is shown as typed, never run as a formula.
import type { Row, SheetData } from 'write-excel-file/universal';
import { isDateField, type Referral, type ReferralField } from '../../../../lib/referrals/schema';
import { fieldHeader } from '../../fields';

export const XLSX_DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';
export const MIN_COLUMN_WIDTH = 8;
export const MAX_COLUMN_WIDTH = 60;
/** Width of a date cell in XLSX_DATE_FORMAT, in characters. */
const DATE_WIDTH = XLSX_DATE_FORMAT.length + 1;

const API_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z?$/;

/** The instant an API date-time names (UTC), or null when it is not one. */
export function apiDateToUtc(value: string): Date | null {
  const match = API_DATE_TIME.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  // Date.UTC rolls over (Feb 30 is Mar 2): such text is kept as text instead.
  return date.getUTCMonth() === mo! - 1 && date.getUTCDate() === d! ? date : null;
}

export type XlsxValue = string | number | Date | null;

/** One cell: dates as Date, numbers as numbers, anything else as text. */
export function xlsxCell(field: ReferralField, value: unknown): XlsxValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  const text = String(value);
  // An unparseable date is kept as the text the API sent rather than lost.
  if (isDateField(field)) return apiDateToUtc(text) ?? text;
  return text;
}

export interface ReferralsSheet {
  data: SheetData;
  /** Widths in characters, one per field. */
  widths: number[];
}

/** The header row (bold) and one row per referral, with column widths that fit the contents. */
export function referralsSheet(
  rows: readonly Referral[],
  fields: readonly ReferralField[],
): ReferralsSheet {
  const headers = fields.map(fieldHeader);
  const widths = headers.map((header) => header.length + 2);
  const data: SheetData = [headers.map((header) => ({ value: header, fontWeight: 'bold' }))];
  for (const referral of rows) {
    const row: Row = new Array(fields.length);
    for (let i = 0; i < fields.length; i += 1) {
      const field = fields[i]!;
      const cell = xlsxCell(field, referral[field]);
      row[i] = cell;
      const width = cell instanceof Date ? DATE_WIDTH : cell === null ? 0 : String(cell).length + 1;
      if (width > widths[i]!) widths[i] = width;
    }
    data.push(row);
  }
  return {
    data,
    widths: widths.map((width) => Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, width))),
  };
}
