// What a chart's "View as table" and "Download CSV" show: the same columns over the same buckets.
import type { CsvCell } from '../../lib/csv/csv';
import { toCsv } from '../../lib/csv/csv';
import { formatCount, formatPercent } from './model/rates';

export interface ChartColumn<Row> {
  header: string;
  /** The cell as people read it ("1,234", "25%", "No date"). */
  text(row: Row): string;
  /** The cell in the CSV: numbers stay numbers, rates are fractions, nothing is formatted. */
  csv(row: Row): CsvCell;
  numeric?: boolean;
}

/** A column of counts: "1,234" on screen, the number in the CSV. */
export function countColumn<Row>(header: string, count: (row: Row) => number): ChartColumn<Row> {
  return { header, text: (row) => formatCount(count(row)), csv: count, numeric: true };
}

/** A column of rates: "25%" (or "—" for none) on screen, the fraction in the CSV. */
export function rateColumn<Row>(
  header: string,
  rate: (row: Row) => number | null,
): ChartColumn<Row> {
  return { header, text: (row) => formatPercent(rate(row)), csv: rate, numeric: true };
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
