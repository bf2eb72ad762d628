import { describe, expect, it } from 'vitest';
import {
  BUCKET_START_MEMO_SIZE,
  bucketLabel,
  bucketStart,
  bucketStarts,
  bucketTick,
  countOf,
} from './time-buckets';

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The Monday on or before `ms`, by plain arithmetic (no date-fns, no memo). */
const mondayOf = (ms: number) => isoDay(ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY_MS);

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

  it('answers as before from its memo: across years, leap days, times of day, and past the memo bound', () => {
    // Monday 2025-12-29 starts the week of New Year 2026; 2024 is a leap year.
    expect(bucketStart('2026-01-01T10:00:00', 'week')).toBe('2025-12-29');
    expect(bucketStart('2026-01-01T10:00:00', 'month')).toBe('2026-01-01');
    expect(bucketStart('2024-02-29T23:59:59Z', 'month')).toBe('2024-02-01');
    expect(bucketStart('2024-03-03T00:00:00', 'week')).toBe('2024-02-26');
    // More distinct days than the memo holds, twice over: the second pass meets both kept and dropped days.
    const first = Date.UTC(2019, 11, 20);
    const days = BUCKET_START_MEMO_SIZE + 500;
    for (const time of ['00:00:00', '23:59:59Z']) {
      const asked: string[] = [];
      const expected: string[] = [];
      for (let i = 0; i < days; i += 1) {
        const ms = first + i * DAY_MS;
        const day = isoDay(ms);
        const at = `${day}T${time}`;
        asked.push(
          `${bucketStart(at, 'day')} ${bucketStart(at, 'week')} ${bucketStart(at, 'month')}`,
        );
        expected.push(`${day} ${mondayOf(ms)} ${day.slice(0, 8)}01`);
      }
      expect(asked).toEqual(expected);
    }
    // What is no day stays null when asked again, and does not stand in for a real day.
    expect(bucketStart('garbage', 'week')).toBeNull();
    expect(bucketStart('garbage', 'week')).toBeNull();
    expect(bucketStart('2026-08-27', 'week')).toBe('2026-08-24');
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
