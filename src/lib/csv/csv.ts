import Papa from 'papaparse';

/** A cell as the app holds it: missing values become empty cells. */
export type CsvCell = string | number | null | undefined;
export type CsvRow = readonly CsvCell[];

/** UTF-8 byte-order mark: without it Excel reads UTF-8 files as the local code page. */
export const CSV_BOM = '\uFEFF';
export const CSV_MIME_TYPE = 'text/csv;charset=utf-8';
const RECORD_END = '\r\n';

// Papa's own `escapeFormulae: true` uses /^[=+\-@\t\r].*$/, whose `.*$` fails on a value with a
// newline after the first character, so "=HYPERLINK(...)\nx" would slip through unescaped.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180 records, each ended by CRLF. Fields with a comma, quote, CR or LF are quoted, quotes are
 * doubled, and a text cell a spreadsheet would run as a formula gets a leading `'`.
 */
export function csvRecords(rows: readonly CsvRow[]): string {
  if (rows.length === 0) return '';
  const text = Papa.unparse(rows as CsvCell[][], {
    newline: RECORD_END,
    escapeFormulae: FORMULA_START,
  });
  return text + RECORD_END;
}

/** A whole CSV document (byte-order mark, header, rows) as one string, for small tables. */
export function toCsv(header: readonly string[], rows: readonly CsvRow[]): string {
  return CSV_BOM + csvRecords([header, ...rows]);
}

/** Rows per chunk when building large files: big enough to be fast, small enough to yield often. */
export const CSV_CHUNK_ROWS = 5000;

/**
 * Builds a CSV Blob from many rows in chunks, so no single giant string is ever held and the page
 * can paint between chunks (`yieldToBrowser` runs after each one).
 */
export async function csvBlob<T>(
  header: readonly string[],
  items: readonly T[],
  toRow: (item: T) => CsvRow,
  yieldToBrowser: () => Promise<void> = nextTask,
): Promise<Blob> {
  const parts: string[] = [CSV_BOM, csvRecords([header])];
  for (let start = 0; start < items.length; start += CSV_CHUNK_ROWS) {
    parts.push(csvRecords(items.slice(start, start + CSV_CHUNK_ROWS).map(toRow)));
    await yieldToBrowser();
  }
  return new Blob(parts, { type: CSV_MIME_TYPE });
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
