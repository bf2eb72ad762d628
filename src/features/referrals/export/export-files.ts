// What exported files hold and what they are called. CSV cells carry what the table shows
// (organisation sizes as read, "1–9", with the API's code in a column beside them; dates as
// `YYYY-MM-DD HH:mm:ss` UTC, which spreadsheets read as date-times); JSON carries the rows as the
// API sent them.
import { CSV_MIME_TYPE, csvBlob, toCsv, type CsvRow } from '../../../lib/csv/csv';
import { isDateField, type Referral, type ReferralField } from '../../../lib/referrals/schema';
import { orgSizeLabel } from '../../../lib/referrals/value-labels';
import { spreadsheetDate } from '../dates';
import { fieldHeader } from '../fields';

type Cell = (referral: Referral) => string | null;

/** A field's CSV columns: a header and a cell each (sizes get two: as read, and the API's code). */
function fieldColumns(field: ReferralField): [header: string, cell: Cell][] {
  if (isDateField(field)) return [[fieldHeader(field), (r) => spreadsheetDate(r[field])]];
  if (field === 'customerOrgSize') {
    return [
      [fieldHeader(field), (r) => orgSizeLabel(r[field])],
      [`${fieldHeader(field)} (API code)`, (r) => r[field]],
    ];
  }
  return [[fieldHeader(field), (r) => r[field]]];
}

/** The CSV header for the given fields. */
export function referralCsvHeader(fields: readonly ReferralField[]): string[] {
  return fields.flatMap(fieldColumns).map(([header]) => header);
}

/** Turns referrals into CSV rows of the given fields; the per-field choice is made once. */
export function referralCsvRows(fields: readonly ReferralField[]): (referral: Referral) => CsvRow {
  const cells = fields.flatMap(fieldColumns).map(([, cell]) => cell);
  return (referral) => cells.map((cell) => cell(referral));
}

/** A small CSV (one page) as text. */
export function referralsCsv(rows: readonly Referral[], fields: readonly ReferralField[]): string {
  return toCsv(referralCsvHeader(fields), rows.map(referralCsvRows(fields)));
}

/** A large CSV built in chunks. */
export function referralsCsvBlob(
  rows: readonly Referral[],
  fields: readonly ReferralField[],
  yieldToBrowser?: () => Promise<void>,
): Promise<Blob> {
  return csvBlob(referralCsvHeader(fields), rows, referralCsvRows(fields), yieldToBrowser);
}

/** The table's page as shown (visible columns in order, rows sorted as shown), as CSV or JSON. */
export function visibleRowsBlob(
  rows: readonly Referral[],
  fields: readonly ReferralField[],
  format: 'csv' | 'json',
): Blob {
  if (format === 'csv') return new Blob([referralsCsv(rows, fields)], { type: CSV_MIME_TYPE });
  // The API's values, keyed by field, in the columns' order.
  const objects = rows.map((row) => Object.fromEntries(fields.map((field) => [field, row[field]])));
  return new Blob([JSON.stringify(objects)], { type: 'application/json' });
}

const JSON_CHUNK_ROWS = 5000;

/** A JSON array of rows, serialised and encoded in chunks so no single huge string is built. */
export async function referralsJsonBlob(
  rows: readonly Referral[],
  yieldToBrowser: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
): Promise<Blob> {
  const encoder = new TextEncoder();
  const parts: Uint8Array<ArrayBuffer>[] = [encoder.encode('[')];
  for (let start = 0; start < rows.length; start += JSON_CHUNK_ROWS) {
    const chunk = JSON.stringify(rows.slice(start, start + JSON_CHUNK_ROWS)).slice(1, -1);
    parts.push(encoder.encode(start === 0 ? chunk : `,${chunk}`));
    await yieldToBrowser();
  }
  parts.push(encoder.encode(']'));
  return new Blob(parts, { type: 'application/json' });
}

export interface ExportNameParts {
  /** The filter bar's description (describeFilters): date range and chosen values. */
  filters: string;
  /** The typed filter expression, if any. */
  expression: string;
  scope: { kind: 'page'; page: number } | { kind: 'all' };
  /** Marks a file saved from an export that did not finish. */
  partial?: boolean;
  extension: 'csv' | 'json' | 'xlsx';
}

const MAX_EXPRESSION_SLUG = 60;

/** Letters and digits of any script kept; anything else a file system might mind becomes '-'. */
function slug(text: string, max: number): string {
  return text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** `referrals_created-2026-08-24-to-2026-11-24_status-Won_expr-customerMarket-eq-US_page-3.csv` */
export function exportFileName(parts: ExportNameParts): string {
  const pieces = ['referrals'];
  if (parts.filters !== '') pieces.push(parts.filters);
  const expression = slug(parts.expression, MAX_EXPRESSION_SLUG);
  if (expression !== '') pieces.push(`expr-${expression}`);
  pieces.push(parts.scope.kind === 'all' ? 'all' : `page-${parts.scope.page}`);
  if (parts.partial) pieces.push('partial');
  return `${pieces.join('_')}.${parts.extension}`;
}
