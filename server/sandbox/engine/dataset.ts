// Referrals prepared for querying: sorted newest first once, with per-field columns (instants, case-folded text,
// group codes) built on first use and kept, so a query's hot loop reads typed arrays and never parses a date.

import {
  isDateField,
  type AggregationLevel,
  type DateField,
  type Referral,
  type ReferralField,
  type StringField,
} from '../../../src/lib/referrals/schema';
import { parseIsoInstant } from '../../../src/lib/filter-grammar/dates';
import { bucketStart, formatDay } from './buckets';
import type { FilterColumns } from './compile';
import { foldCase } from './fold';

/**
 * One groupby field over every row: `codes[row]` indexes `labels`, and codes are in answer order (terms ascending
 * by exact value, dates ascending, null last) so sorting groups is sorting numbers.
 */
export interface GroupColumn {
  readonly codes: Int32Array;
  readonly labels: readonly (string | null)[];
}

function instantsOf(rows: readonly Referral[], field: DateField): Float64Array {
  const column = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const text = rows[i]?.[field];
    // A stored date that does not read as one is treated like null rather than failing every query.
    column[i] = text == null ? NaN : (parseIsoInstant(text) ?? NaN);
  }
  return column;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Codes for distinct keys in sorted order, null last. */
function encode<K extends string | number>(
  keys: readonly (K | null)[],
  compare: (a: K, b: K) => number,
  label: (key: K) => string,
): GroupColumn {
  const distinct = new Map<K, number>();
  let hasNull = false;
  for (const key of keys) {
    if (key === null) hasNull = true;
    else if (!distinct.has(key)) distinct.set(key, 0);
  }
  const sorted = [...distinct.keys()].sort(compare);
  sorted.forEach((key, code) => distinct.set(key, code));
  const nullCode = sorted.length;
  const codes = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    codes[i] = key == null ? nullCode : (distinct.get(key) ?? nullCode);
  }
  const labels: (string | null)[] = sorted.map(label);
  if (hasNull) labels.push(null);
  return { codes, labels };
}

export class Dataset implements FilterColumns {
  private readonly instants = new Map<DateField, Float64Array>();
  private readonly folded = new Map<StringField, readonly (string | null)[]>();
  private readonly groups = new Map<string, GroupColumn>();

  /** `rows` must already be in answer order; use prepareDataset. */
  constructor(readonly rows: readonly Referral[]) {}

  get size(): number {
    return this.rows.length;
  }

  /** Epoch milliseconds per row, NaN for null. */
  dateColumn(field: DateField): Float64Array {
    let column = this.instants.get(field);
    if (!column) {
      column = instantsOf(this.rows, field);
      this.instants.set(field, column);
    }
    return column;
  }

  /** Case-folded text per row, for eq/ne/ordering/contains that ignore case. */
  foldedColumn(field: StringField): readonly (string | null)[] {
    let column = this.folded.get(field);
    if (!column) {
      // Most text fields have few distinct values: fold each once.
      const cache = new Map<string, string>();
      column = this.rows.map((row) => {
        const value = row[field] as string | null | undefined;
        if (value == null) return null;
        let folded = cache.get(value);
        if (folded === undefined) {
          folded = foldCase(value);
          cache.set(value, folded);
        }
        return folded;
      });
      this.folded.set(field, column);
    }
    return column;
  }

  /** Group codes of a field; `level` applies to date fields only. */
  groupColumn(field: ReferralField, level: AggregationLevel): GroupColumn {
    const key = isDateField(field) ? `${field}/${level}` : field;
    let column = this.groups.get(key);
    if (!column) {
      if (isDateField(field)) {
        const instants = this.dateColumn(field);
        const days = Array.from(instants, (ms) =>
          Number.isNaN(ms) ? null : bucketStart(ms, level),
        );
        column = encode(days, (a, b) => a - b, formatDay);
      } else {
        const values = this.rows.map((row) => (row[field] as string | null | undefined) ?? null);
        column = encode(values, compareCodeUnits, (value) => value);
      }
      this.groups.set(key, column);
    }
    return column;
  }
}

/** Newest first: createdDate descending, then id descending numerically (ids are numeric strings). */
export function prepareDataset(rows: readonly Referral[]): Dataset {
  const created = instantsOf(rows, 'createdDate');
  const ids = Float64Array.from(rows, (row) => Number(row.id));
  const order = Array.from(rows, (_, i) => i);
  // NaN (a missing date or a non-numeric id) sorts after every number.
  const descending = (a: number, b: number) =>
    Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : Number.isNaN(b) ? -1 : b - a;
  order.sort(
    (a, b) =>
      descending(created[a] ?? NaN, created[b] ?? NaN) ||
      descending(ids[a] ?? NaN, ids[b] ?? NaN) ||
      compareCodeUnits(rows[b]?.id ?? '', rows[a]?.id ?? ''),
  );
  return new Dataset(order.map((i) => rows[i] as Referral));
}
