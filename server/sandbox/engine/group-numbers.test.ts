import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupNumbers, type CodedColumn } from './group-numbers';

/** Rows' codes compared field by field: the order groups must come in. */
function compareCodes(columns: readonly CodedColumn[], a: number, b: number): number {
  for (const column of columns) {
    const difference = (column.codes[a] as number) - (column.codes[b] as number);
    if (difference !== 0) return difference;
  }
  return 0;
}

const columnsArbitrary = fc.integer({ min: 1, max: 30 }).chain((size) =>
  fc
    .array(
      fc.integer({ min: 1, max: 40 }).chain((labels) =>
        fc
          .array(fc.integer({ min: 0, max: labels - 1 }), { minLength: size, maxLength: size })
          .map((codes): CodedColumn => ({
            codes: Int32Array.from(codes),
            labels: Array.from({ length: labels }),
          })),
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((columns) => ({ size, columns })),
);

describe('groupNumbers', { timeout: 30_000 }, () => {
  it('numbers rows in mixed radix, first field most significant', () => {
    const columns = [
      { codes: Int32Array.from([1, 0, 1]), labels: ['a', 'b'] },
      { codes: Int32Array.from([2, 1, 0]), labels: ['x', 'y', 'z'] },
    ];
    expect(groupNumbers(columns, 3)).toEqual({ keys: Float64Array.from([5, 1, 3]), possible: 6 });
  });

  it('orders rows like their codes field by field, even when numbers are ranked to stay exact', () => {
    fc.assert(
      fc.property(
        columnsArbitrary,
        fc.integer({ min: 40, max: 2000 }),
        ({ size, columns }, limit) => {
          for (const { keys, possible } of [
            groupNumbers(columns, size),
            groupNumbers(columns, size, limit),
          ]) {
            const misordered: [number, number][] = [];
            for (let a = 0; a < size; a++) {
              for (let b = 0; b < size; b++) {
                const byNumber = Math.sign((keys[a] as number) - (keys[b] as number));
                if (byNumber !== Math.sign(compareCodes(columns, a, b))) misordered.push([a, b]);
              }
            }
            expect(misordered).toEqual([]);
            expect(Math.max(...keys)).toBeLessThan(possible);
          }
          // Ranked whenever the next field would pass the limit: at most one number per row, times a radix.
          expect(groupNumbers(columns, size, limit).possible).toBeLessThanOrEqual(
            Math.max(limit, size * 40),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
