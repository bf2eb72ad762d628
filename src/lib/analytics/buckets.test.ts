import { describe, expect, it } from 'vitest';
import { countsWithValue, sumCounts, withValue } from './buckets';

const buckets = [
  { key: { acceptedDate: '2026-01-01T00:00:00', wonDate: null }, count: 3 },
  { key: { acceptedDate: '2026-01-01T00:00:00', wonDate: '2026-02-01T00:00:00' }, count: 2 },
  { key: { acceptedDate: null, wonDate: null }, count: 5 },
];

describe('bucket sums', () => {
  it('counts referrals, and those with a date set', () => {
    expect(sumCounts(buckets)).toBe(10);
    expect(sumCounts(withValue(buckets, 'wonDate'))).toBe(2);
    expect(countsWithValue(buckets, ['acceptedDate', 'wonDate', 'createdDate'])).toEqual({
      acceptedDate: 5,
      wonDate: 2,
      createdDate: 10,
    });
  });
});
