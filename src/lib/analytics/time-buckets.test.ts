import { describe, expect, it } from 'vitest';
import { bucketLabel, bucketStart, bucketStarts, bucketTick, countOf } from './time-buckets';

describe('time buckets', () => {
  it('floors API date-times to the start of their bucket, weeks on Monday', () => {
    expect(bucketStart('2026-08-27T13:45:00', 'day')).toBe('2026-08-27');
    expect(bucketStart('2026-08-27T00:00:00', 'week')).toBe('2026-08-24');
    expect(bucketStart('2026-08-30T23:59:59Z', 'week')).toBe('2026-08-24');
    expect(bucketStart('2026-08-31T00:00:00', 'week')).toBe('2026-08-31');
    expect(bucketStart('2026-08-27T00:00:00', 'month')).toBe('2026-08-01');
    expect(bucketStart(null, 'day')).toBeNull();
    expect(bucketStart('garbage', 'day')).toBeNull();
  });

  it('lists every bucket of a range, the first one holding the range start', () => {
    expect(bucketStarts({ from: '2026-02-27', to: '2026-03-02' }, 'day')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(bucketStarts({ from: '2026-08-26', to: '2026-09-08' }, 'week')).toEqual([
      '2026-08-24',
      '2026-08-31',
      '2026-09-07',
    ]);
    expect(bucketStarts({ from: '2025-11-24', to: '2026-02-01' }, 'month')).toEqual([
      '2025-11-01',
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
    ]);
  });

  it('labels buckets for people', () => {
    expect(bucketLabel('2026-08-24', 'day')).toBe('Aug 24, 2026');
    expect(bucketLabel('2026-08-24', 'week')).toBe('Week of Aug 24, 2026');
    expect(bucketLabel('2026-08-01', 'month')).toBe('Aug 2026');
    expect(bucketLabel(null, 'month')).toBe('No date');
    expect(bucketTick('2026-08-24', 'week')).toBe('Aug 24');
    expect(bucketTick('2026-08-01', 'month')).toBe('Aug 2026');
    expect(bucketTick(null, 'day')).toBe('No date');
  });

  it('reads counts sent as numbers or numeric strings', () => {
    expect(countOf(42)).toBe(42);
    expect(countOf('63')).toBe(63);
    expect(countOf('')).toBe(0);
    expect(countOf('x')).toBe(0);
    expect(countOf(null)).toBe(0);
  });
});
