import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationsOf, median } from './medians';

describe('median', () => {
  it('is the middle value, or the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('has as many values at or below it as at or above it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1 }), (values) => {
        const m = median(values) as number;
        expect(values.filter((v) => v <= m).length).toBeGreaterThanOrEqual(values.length / 2);
        expect(values.filter((v) => v >= m).length).toBeGreaterThanOrEqual(values.length / 2);
      }),
    );
  });
});

describe('durationsOf', () => {
  it('measures created → accepted and accepted → won in UTC, skipping missing or backwards dates', () => {
    const hour = 3_600_000;
    expect(
      durationsOf([
        {
          createdDate: '2026-01-01T00:00:00',
          acceptedDate: '2026-01-01T06:00:00',
          wonDate: '2026-01-03T06:00:00',
        },
        { createdDate: '2026-01-01T00:00:00', acceptedDate: '2026-01-02T00:00:00', wonDate: null },
        { createdDate: '2026-01-05T00:00:00', acceptedDate: '2026-01-01T00:00:00', wonDate: null },
        { createdDate: '2026-01-01T00:00:00', acceptedDate: null, wonDate: null },
      ]),
    ).toEqual({ toAccept: [6 * hour, 24 * hour], toWin: [48 * hour] });
  });
});
