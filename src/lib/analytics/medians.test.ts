import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReferralBucket } from '../api/types';
import type { AggregationLevel } from '../referrals/schema';
import {
  median,
  medianOfJointBuckets,
  medianOfRows,
  MS_PER_DAY,
  PRECISION_MS,
  FEW_ROWS,
  rowsAreWorthIt,
  weightedMedian,
} from './medians';

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);

/** The start of the bucket holding an instant, as the API writes it (weeks start on Monday). */
function bucketOf(ms: number, level: AggregationLevel): string {
  const day = Math.floor(ms / MS_PER_DAY);
  if (level === 'day') return iso(day * MS_PER_DAY);
  if (level === 'week') return iso((day - ((day + 3) % 7)) * MS_PER_DAY);
  const date = new Date(day * MS_PER_DAY);
  return iso(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

/** Groups rows as `groupby=createdDate,acceptedDate&aggregationLevel=<level>` would. */
function jointBuckets(
  rows: { createdDate: string; acceptedDate: string }[],
  level: AggregationLevel,
): ReferralBucket[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = `${bucketOf(Date.parse(`${row.createdDate}Z`), level)}|${bucketOf(Date.parse(`${row.acceptedDate}Z`), level)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => {
    const [createdDate, acceptedDate] = key.split('|');
    return { key: { createdDate, acceptedDate }, count };
  });
}

const START = Date.UTC(2024, 0, 1);
const referralRows = fc
  .array(
    fc.record({
      created: fc.integer({ min: 0, max: (400 * MS_PER_DAY) / 1000 }),
      delay: fc.oneof(
        fc.integer({ min: 0, max: (3 * MS_PER_DAY) / 1000 }),
        fc.integer({ min: 0, max: (200 * MS_PER_DAY) / 1000 }),
      ),
    }),
    { minLength: 1, maxLength: 300 },
  )
  .map((list) =>
    list.map(({ created, delay }) => ({
      createdDate: iso(START + created * 1000),
      acceptedDate: iso(START + (created + delay) * 1000),
    })),
  );

describe('median', () => {
  it('is the middle value, or the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('with counts, equals the median of the expanded list', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ value: fc.integer(), count: fc.integer({ min: 0, max: 5 }) })),
        (entries) => {
          const expanded = entries.flatMap((e) => Array<number>(e.count).fill(e.value));
          expect(weightedMedian(entries)).toBe(median(expanded));
        },
      ),
    );
  });
});

describe('medianOfRows', () => {
  it('measures in UTC and skips missing or backwards dates', () => {
    const hour = 3_600_000;
    expect(
      medianOfRows(
        [
          { createdDate: '2026-01-01T00:00:00', acceptedDate: '2026-01-01T06:00:00' },
          { createdDate: '2026-01-01T00:00:00', acceptedDate: '2026-01-02T00:00:00' },
          { createdDate: '2026-01-05T00:00:00', acceptedDate: '2026-01-01T00:00:00' },
          { createdDate: '2026-01-01T00:00:00', acceptedDate: null },
        ],
        'createdDate',
        'acceptedDate',
      ),
    ).toEqual({ ms: 15 * hour, precision: 'exact', count: 2 });
  });
});

describe('medianOfJointBuckets', () => {
  it('reads each bucket as the difference of its starts, weighted by its count', () => {
    const buckets: ReferralBucket[] = [
      {
        key: { createdDate: '2026-01-01T00:00:00', acceptedDate: '2026-01-03T00:00:00' },
        count: 3,
      },
      {
        key: { createdDate: '2026-01-02T00:00:00', acceptedDate: '2026-01-02T00:00:00' },
        count: 1,
      },
      { key: { createdDate: '2026-01-02T00:00:00', acceptedDate: null }, count: 9 },
    ];
    expect(medianOfJointBuckets(buckets, 'createdDate', 'acceptedDate', 'day')).toEqual({
      ms: 2 * MS_PER_DAY,
      precision: 'day',
      count: 4,
    });
    expect(medianOfJointBuckets([], 'createdDate', 'acceptedDate', 'day')).toBeNull();
  });

  it.each(['day', 'week', 'month'] as const)(
    'is within one %s of the exact median of the rows',
    (level) => {
      fc.assert(
        fc.property(referralRows, (rows) => {
          const exact = medianOfRows(rows, 'createdDate', 'acceptedDate');
          const grouped = medianOfJointBuckets(
            jointBuckets(rows, level),
            'createdDate',
            'acceptedDate',
            level,
          );
          expect(grouped?.count).toBe(exact?.count);
          expect(Math.abs((grouped?.ms ?? NaN) - (exact?.ms ?? NaN))).toBeLessThan(
            PRECISION_MS[level],
          );
        }),
      );
    },
  );
});

describe('rowsAreWorthIt', () => {
  it('holds only for few referrals in buckets coarser than a day', () => {
    const few = [{ key: {}, count: 40 }];
    expect(rowsAreWorthIt(few, 'week')).toBe(true);
    expect(rowsAreWorthIt(few, 'month')).toBe(true);
    expect(rowsAreWorthIt(few, 'day')).toBe(false);
    expect(rowsAreWorthIt([{ key: {}, count: FEW_ROWS + 1 }], 'week')).toBe(false);
    expect(rowsAreWorthIt([], 'week')).toBe(false);
  });
});
