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
import { MS_PER_DAY, parseIsoInstant } from '../../../src/lib/filter-grammar/dates';
import { bucketStart, formatDay } from './buckets';
import type { FilterColumns } from './compile';
import { foldCase } from './fold';
import { groupNumbers, type GroupNumbers } from './group-numbers';
import { LruCache } from './lru';

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

/** Codes for distinct texts in code-unit order, null last. */
function encodeTexts(values: readonly (string | null)[]): GroupColumn {
  const distinct = new Map<string, number>();
  let hasNull = false;
  for (const value of values) {
    if (value === null) hasNull = true;
    else if (!distinct.has(value)) distinct.set(value, 0);
  }
  const sorted = [...distinct.keys()].sort(compareCodeUnits);
  sorted.forEach((value, code) => distinct.set(value, code));
  const nullCode = sorted.length;
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    codes[i] = value == null ? nullCode : (distinct.get(value) ?? nullCode);
  }
  return { codes, labels: hasNull ? [...sorted, null] : sorted };
}

/** Day numbers span a few hundred days in practice: a table over the span replaces maps and sorting. */
const MAX_DAY_SPAN = 4_000_000;

/** Codes for the buckets of day numbers (NaN for null) in ascending order, null last. */
function encodeDays(days: Float64Array, level: AggregationLevel): GroupColumn {
  let min = Infinity;
  let max = -Infinity;
  for (const day of days) {
    if (day < min) min = day;
    if (day > max) max = day;
  }
  const codes = new Int32Array(days.length);
  if (min > max) return { codes, labels: days.length > 0 ? [null] : [] };
  if (max - min > MAX_DAY_SPAN) {
    const buckets = Array.from(days, (day) =>
      Number.isNaN(day) ? null : formatDay(bucketStart(day * MS_PER_DAY, level)),
    );
    // Formatted days sort like the days themselves (four-digit years).
    return encodeTexts(buckets);
  }
  // Bucket of each day in the span, then a code for each distinct bucket in ascending order.
  const span = max - min + 1;
  const bucketOfDay = new Float64Array(span).fill(NaN);
  for (const day of days) if (!Number.isNaN(day)) bucketOfDay[day - min] = 0;
  const codeOfBucket = new Map<number, number>();
  const labels: (string | null)[] = [];
  for (let offset = 0; offset < span; offset++) {
    if (Number.isNaN(bucketOfDay[offset])) continue;
    const bucket = bucketStart((min + offset) * MS_PER_DAY, level);
    bucketOfDay[offset] = bucket;
    if (!codeOfBucket.has(bucket)) {
      codeOfBucket.set(bucket, labels.length);
      labels.push(formatDay(bucket));
    }
  }
  const nullCode = labels.length;
  let hasNull = false;
  for (let i = 0; i < days.length; i++) {
    const day = days[i] as number;
    if (Number.isNaN(day)) {
      codes[i] = nullCode;
      hasNull = true;
    } else {
      codes[i] = codeOfBucket.get(bucketOfDay[day - min] as number) ?? nullCode;
    }
  }
  if (hasNull) labels.push(null);
  return { codes, labels };
}

export interface Grouping extends GroupNumbers {
  readonly columns: readonly GroupColumn[];
}

export class Dataset implements FilterColumns {
  private readonly instants = new Map<DateField, Float64Array>();
  private readonly folded = new Map<StringField, readonly (string | null)[]>();
  private readonly groups = new Map<string, GroupColumn>();
  /** The last few groupby lists: a dashboard asks for a handful, over and over. */
  private readonly groupings = new LruCache<string, Grouping>(16);

  /** `rows` must already be in answer order; use prepareDataset. `created` is their createdDate column if known. */
  constructor(
    readonly rows: readonly Referral[],
    created?: Float64Array,
  ) {
    if (created) this.instants.set('createdDate', created);
  }

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
        const days = new Float64Array(instants.length);
        for (let i = 0; i < days.length; i++)
          days[i] = Math.floor((instants[i] as number) / MS_PER_DAY);
        column = encodeDays(days, level);
      } else {
        column = encodeTexts(
          this.rows.map((row) => (row[field] as string | null | undefined) ?? null),
        );
      }
      this.groups.set(key, column);
    }
    return column;
  }

  /** A groupby list's columns and each row's group number (see group-numbers.ts), kept for the next request. */
  grouping(fields: readonly ReferralField[], level: AggregationLevel): Grouping {
    const key = `${fields.join(',')}/${level}`;
    let grouping = this.groupings.get(key);
    if (!grouping) {
      const columns = fields.map((field) => this.groupColumn(field, level));
      grouping = { columns, ...groupNumbers(columns, this.size) };
      this.groupings.set(key, grouping);
    }
    return grouping;
  }
}

/** Newest first: createdDate descending, then id descending numerically (ids are numeric strings). */
export function prepareDataset(rows: readonly Referral[]): Dataset {
  const n = rows.length;
  const created = instantsOf(rows, 'createdDate');
  // Missing dates and non-numeric ids sort last: -Infinity, and NaN differences fall through to the next key.
  // Plain loops: TypedArray.from/map with a callback are several times slower here, and start-up time counts.
  const createdKey = new Float64Array(n);
  const ids = new Float64Array(n);
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const ms = created[i] as number;
    createdKey[i] = Number.isNaN(ms) ? -Infinity : ms;
    const id = Number(rows[i]?.id);
    ids[i] = Number.isNaN(id) ? -Infinity : id;
    order[i] = i;
  }
  order.sort(
    (a, b) =>
      (createdKey[b] as number) - (createdKey[a] as number) ||
      (ids[b] as number) - (ids[a] as number) ||
      compareCodeUnits(rows[b]?.id ?? '', rows[a]?.id ?? ''),
  );
  const sorted = new Array<Referral>(n);
  const sortedCreated = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const from = order[i] as number;
    sorted[i] = rows[from] as Referral;
    sortedCreated[i] = created[from] as number;
  }
  return new Dataset(sorted, sortedCreated);
}
