// Grouping: each row's group is a number built from its fields' group codes (mixed radix, first field most
// significant). Codes are already in answer order, so groups sort as numbers, and few enough groups are counted in
// a plain array that comes out sorted.

import type { AggregationLevel, ReferralField } from '../../../src/lib/referrals/schema';
import type { RowPredicate } from './compile';
import type { Dataset, GroupColumn } from './dataset';

/** A grouped row: the groupby fields' values (date buckets as `2018-02-05T00:00:00`, or null) and the count. */
export type GroupedRow = Partial<Record<ReferralField, string | null>> & { referralCount: number };

/** Up to this many possible groups are counted in an array (4 MB) rather than a Map. */
const DENSE_LIMIT = 1 << 20;

interface Counted {
  /** Group numbers in answer order. */
  keys: ArrayLike<number>;
  counts: ArrayLike<number>;
}

function groupNumbers(columns: readonly GroupColumn[], size: number): Float64Array {
  const keys = new Float64Array(size);
  for (const column of columns) {
    const radix = column.labels.length;
    const codes = column.codes;
    for (let i = 0; i < size; i++) keys[i] = (keys[i] as number) * radix + (codes[i] as number);
  }
  return keys;
}

function countDense(keys: Float64Array, predicate: RowPredicate | null, possible: number): Counted {
  const perKey = new Int32Array(possible);
  for (let i = 0; i < keys.length; i++) {
    if (predicate && !predicate(i)) continue;
    const key = keys[i] as number;
    perKey[key] = (perKey[key] as number) + 1;
  }
  const present: number[] = [];
  const counts: number[] = [];
  for (let key = 0; key < possible; key++) {
    const count = perKey[key] as number;
    if (count > 0) {
      present.push(key);
      counts.push(count);
    }
  }
  return { keys: present, counts };
}

function countSparse(keys: Float64Array, predicate: RowPredicate | null): Counted {
  const perKey = new Map<number, number>();
  for (let i = 0; i < keys.length; i++) {
    if (predicate && !predicate(i)) continue;
    const key = keys[i] as number;
    perKey.set(key, (perKey.get(key) ?? 0) + 1);
  }
  const sorted = Float64Array.from(perKey.keys()).sort();
  return { keys: sorted, counts: Array.from(sorted, (key) => perKey.get(key) ?? 0) };
}

/** Groups too many to number exactly (many high-cardinality fields): keyed by their codes as text. */
function countByCodes(
  columns: readonly GroupColumn[],
  predicate: RowPredicate | null,
  size: number,
) {
  const perKey = new Map<string, { codes: number[]; count: number }>();
  for (let i = 0; i < size; i++) {
    if (predicate && !predicate(i)) continue;
    const codes = columns.map((column) => column.codes[i] as number);
    const key = codes.join(',');
    const group = perKey.get(key);
    if (group) group.count++;
    else perKey.set(key, { codes, count: 1 });
  }
  return [...perKey.values()].sort((a, b) => {
    for (let f = 0; f < a.codes.length; f++) {
      const difference = (a.codes[f] as number) - (b.codes[f] as number);
      if (difference !== 0) return difference;
    }
    return 0;
  });
}

function rowOf(
  fields: readonly ReferralField[],
  columns: readonly GroupColumn[],
  codes: readonly number[],
  count: number,
): GroupedRow {
  // The count goes after the groupby fields, as Partner Center's sibling endpoints write it.
  return {
    ...Object.fromEntries(
      fields.map((field, f) => [field, columns[f]?.labels[codes[f] as number] ?? null]),
    ),
    referralCount: count,
  };
}

/** Splits a group number back into its fields' codes. */
function codesOf(key: number, columns: readonly GroupColumn[]): number[] {
  const codes = new Array<number>(columns.length);
  let rest = key;
  for (let f = columns.length - 1; f >= 0; f--) {
    const radix = columns[f]?.labels.length ?? 1;
    codes[f] = rest % radix;
    rest = Math.floor(rest / radix);
  }
  return codes;
}

/** Groups of matching rows in answer order: the page from `skip`, at most `top`, and how many groups in all. */
export function groupRows(
  dataset: Dataset,
  predicate: RowPredicate | null,
  fields: readonly ReferralField[],
  level: AggregationLevel,
  top: number,
  skip: number,
): { rows: GroupedRow[]; total: number } {
  const columns = fields.map((field) => dataset.groupColumn(field, level));
  const possible = columns.reduce(
    (product, column) => product * Math.max(column.labels.length, 1),
    1,
  );

  if (possible > Number.MAX_SAFE_INTEGER) {
    const groups = countByCodes(columns, predicate, dataset.size);
    return {
      rows: groups
        .slice(skip, skip + top)
        .map((group) => rowOf(fields, columns, group.codes, group.count)),
      total: groups.length,
    };
  }

  const keys = groupNumbers(columns, dataset.size);
  const counted =
    possible <= DENSE_LIMIT ? countDense(keys, predicate, possible) : countSparse(keys, predicate);
  const rows: GroupedRow[] = [];
  const end = Math.min(skip + top, counted.keys.length);
  for (let g = skip; g < end; g++) {
    rows.push(
      rowOf(
        fields,
        columns,
        codesOf(counted.keys[g] as number, columns),
        counted.counts[g] as number,
      ),
    );
  }
  return { rows, total: counted.keys.length };
}
