import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../../src/lib/filter-grammar/dates';
import { bucketStart, formatDay, weekStartOf } from './buckets';

const day = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
const at = (iso: string) => Date.parse(`${iso}Z`);

describe('date buckets', () => {
  it('weeks start on Monday, across year ends', () => {
    expect(formatDay(weekStartOf(day('2020-12-31')))).toBe('2020-12-28T00:00:00');
    expect(formatDay(weekStartOf(day('2021-01-03')))).toBe('2020-12-28T00:00:00');
    expect(formatDay(weekStartOf(day('2021-01-04')))).toBe('2021-01-04T00:00:00');
    expect(formatDay(weekStartOf(day('2026-01-01')))).toBe('2025-12-29T00:00:00');
    expect(formatDay(weekStartOf(day('1970-01-01')))).toBe('1969-12-29T00:00:00');
    expect(formatDay(weekStartOf(day('1969-12-28')))).toBe('1969-12-22T00:00:00');
  });

  it('every day of a week has the same Monday', () => {
    for (let d = day('2025-12-29'); d < day('2026-01-05'); d++) {
      expect(weekStartOf(d)).toBe(day('2025-12-29'));
    }
    for (let d = -1000; d < 1000; d++) {
      expect(new Date(weekStartOf(d) * 86_400_000).getUTCDay()).toBe(1);
      expect(d - weekStartOf(d)).toBeGreaterThanOrEqual(0);
      expect(d - weekStartOf(d)).toBeLessThan(7);
    }
  });

  it('day, week and month buckets of an instant', () => {
    expect(formatDay(bucketStart(at('2026-01-31T23:59:59'), 'day'))).toBe('2026-01-31T00:00:00');
    expect(formatDay(bucketStart(at('2026-01-31T23:59:59'), 'week'))).toBe('2026-01-26T00:00:00');
    expect(formatDay(bucketStart(at('2026-01-31T23:59:59'), 'month'))).toBe('2026-01-01T00:00:00');
    expect(formatDay(bucketStart(at('2026-02-01T00:00:00'), 'month'))).toBe('2026-02-01T00:00:00');
    expect(formatDay(bucketStart(at('2024-02-29T10:00:00'), 'month'))).toBe('2024-02-01T00:00:00');
    expect(formatDay(bucketStart(at('2020-12-31T23:59:59'), 'month'))).toBe('2020-12-01T00:00:00');
  });

  it('formats bucket starts as the API writes dates, without Z', () => {
    expect(formatDay(daysFromCivil(2018, 2, 5))).toBe('2018-02-05T00:00:00');
    expect(formatDay(daysFromCivil(99, 1, 1))).toBe('0099-01-01T00:00:00');
  });
});
