// Grouping: rows are counted per group number (group-numbers.ts), which sorts like the answer, so few enough
// possible groups are counted in a plain array that comes out in order, and more are sorted once.

import type { AggregationLevel, ReferralField } from '../../../src/lib/referrals/schema';
import type { RowPredicate } from './compile';
import type { Dataset, GroupColumn } from './dataset';

/** A grouped row: the groupby fields' values (date buckets as `2018-02-05T00:00:00`, or null) and the count. */
export type GroupedRow = Partial<Record<ReferralField, string | null>> & { referralCount: number };

/** Up to this many possible groups are counted in arrays (8 MB) rather than by sorting. */
const DENSE_LIMIT = 1 << 20;

interface Counted {
  /** Group numbers in answer order. */
  keys: ArrayLike<number>;
  counts: ArrayLike<number>;
  /** A row of each group, or null when not known yet. */
  rows: ArrayLike<number> | null;
}

function countDense(keys: Float64Array, predicate: RowPredicate | null, possible: number): Counted {
  const perKey = new Int32Array(possible);
  const firstRow = new Int32Array(possible);
  for (let i = 0; i < keys.length; i++) {
    if (predicate && !predicate(i)) continue;
    const key = keys[i] as number;
    if (perKey[key] === 0) firstRow[key] = i;
    perKey[key] = (perKey[key] as number) + 1;
  }
  const present: number[] = [];
  const counts: number[] = [];
  const rows: number[] = [];
  for (let key = 0; key < possible; key++) {
    const count = perKey[key] as number;
    if (count > 0) {
      present.push(key);
      counts.push(count);
      rows.push(firstRow[key] as number);
    }
  }
  return { keys: present, counts, rows };
}

/** Many possible groups: sort the matching rows' group numbers and count runs. */
function countSparse(keys: Float64Array, predicate: RowPredicate | null): Counted {
  const matching = new Float64Array(keys.length);
  let length = 0;
  for (let i = 0; i < keys.length; i++) {
    if (!predicate || predicate(i)) matching[length++] = keys[i] as number;
  }
  const sorted = matching.subarray(0, length).sort();
  const present: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < sorted.length;) {
    const key = sorted[i] as number;
    let end = i + 1;
    while (end < sorted.length && sorted[end] === key) end++;
    present.push(key);
    counts.push(end - i);
    i = end;
  }
  return { keys: present, counts, rows: null };
}

/** A row of each of the given groups: every row of a group has the same labels, so any one will do. */
function rowsOfGroups(keys: Float64Array, wanted: readonly number[]): Map<number, number> {
  const rows = new Map<number, number>(wanted.map((key) => [key, -1]));
  let missing = rows.size;
  for (let i = 0; i < keys.length && missing > 0; i++) {
    const key = keys[i] as number;
    if (rows.get(key) === -1) {
      rows.set(key, i);
      missing--;
    }
  }
  return rows;
}

function rowOf(
  fields: readonly ReferralField[],
  columns: readonly GroupColumn[],
  row: number,
  count: number,
): GroupedRow {
  // The count goes after the groupby fields, as Partner Center's sibling endpoints write it.
  return {
    ...Object.fromEntries(
      fields.map((field, f) => {
        const column = columns[f];
        return [field, column?.labels[column.codes[row] as number] ?? null];
      }),
    ),
    referralCount: count,
  };
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
  const { columns, keys, possible } = dataset.grouping(fields, level);
  const counted =
    possible <= DENSE_LIMIT ? countDense(keys, predicate, possible) : countSparse(keys, predicate);
  const end = Math.min(skip + top, counted.keys.length);
  const page = Array.from({ length: Math.max(end - skip, 0) }, (_, g) => skip + g);
  const pageKeys = page.map((g) => counted.keys[g] as number);
  const known = counted.rows;
  const found = known ? null : rowsOfGroups(keys, pageKeys);
  const rows = page.map((g, p) => {
    const row = known ? (known[g] as number) : (found?.get(pageKeys[p] as number) ?? 0);
    return rowOf(fields, columns, row, counted.counts[g] as number);
  });
  return { rows, total: counted.keys.length };
}
