// What a chart's "View as table" and "Download CSV" show: the same columns over the same buckets.
import type { CsvCell } from '../../../lib/csv/csv';
import { toCsv } from '../../../lib/csv/csv';
import { formatCount, formatPercent } from '../../../lib/analytics/rates';

export interface ChartColumn<Row> {
  header: string;
  /** The cell as people read it ("1,234", "25%", "No date"). */
  text(row: Row): string;
  /** The cell in the CSV: counts stay numbers; labels and rates are written as on screen. */
  csv(row: Row): CsvCell;
  numeric?: boolean;
  /** In the CSV only: the API's code beside a label that says it otherwise. */
  csvOnly?: boolean;
}

/** A column of counts: "1,234" on screen, the number in the CSV (any spreadsheet reads it). */
export function countColumn<Row>(header: string, count: (row: Row) => number): ChartColumn<Row> {
  return { header, text: (row) => formatCount(count(row)), csv: count, numeric: true };
}

/** A column of rates: "25%" (or "—" for none) on screen, and in the CSV as shown (empty for none). */
export function rateColumn<Row>(
  header: string,
  rate: (row: Row) => number | null,
): ChartColumn<Row> {
  const text = (row: Row) => formatPercent(rate(row));
  return { header, text, csv: (row) => (rate(row) === null ? null : text(row)), numeric: true };
}

/** The columns the table on screen shows. */
export function screenColumns<Row>(columns: readonly ChartColumn<Row>[]): ChartColumn<Row>[] {
  return columns.filter((column) => !column.csvOnly);
}

/** A row's cross-filter: the button "Filter by <label>" in the table, the same as clicking it in the chart. */
export interface RowFilter {
  label: string;
  apply(): void;
}

export function chartCsv<Row>(columns: readonly ChartColumn<Row>[], rows: readonly Row[]): string {
  return toCsv(
    columns.map((c) => c.header),
    rows.map((row) => columns.map((c) => c.csv(row))),
  );
}

/** "Referrals per status" + "created-2026-08-24-to-2026-11-24" -> "referrals-per-status_created-2026-….csv". */
export function chartFileName(title: string, viewDescription: string): string {
  const stem = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${stem}_${viewDescription}.csv`;
}
