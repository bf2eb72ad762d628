// Each row's group as one number, ordered like the answer: fields' codes in mixed radix, first field most
// significant. When the product of the fields' code counts would pass what a double counts exactly, the number so
// far is replaced by its rank among the distinct numbers (same order, at most one per row) before going on.

export interface CodedColumn {
  readonly codes: Int32Array;
  readonly labels: readonly unknown[];
}

export interface GroupNumbers {
  readonly keys: Float64Array;
  /** Group numbers are below this. */
  readonly possible: number;
}

/** Replaces each number by its rank among the distinct numbers. */
function rank(keys: Float64Array): number {
  const distinct = Float64Array.from(keys).sort();
  let count = 0;
  for (let i = 0; i < distinct.length; i++) {
    if (i === 0 || distinct[i] !== distinct[i - 1]) distinct[count++] = distinct[i] as number;
  }
  const ranks = new Map<number, number>();
  for (let r = 0; r < count; r++) ranks.set(distinct[r] as number, r);
  for (let i = 0; i < keys.length; i++) keys[i] = ranks.get(keys[i] as number) ?? 0;
  return count;
}

export function groupNumbers(
  columns: readonly CodedColumn[],
  size: number,
  limit = Number.MAX_SAFE_INTEGER,
): GroupNumbers {
  const keys = new Float64Array(size);
  let possible = 1;
  for (const column of columns) {
    const radix = Math.max(column.labels.length, 1);
    if (possible * radix > limit) possible = rank(keys);
    const codes = column.codes;
    for (let i = 0; i < size; i++) keys[i] = (keys[i] as number) * radix + (codes[i] as number);
    possible *= radix;
  }
  return { keys, possible };
}
