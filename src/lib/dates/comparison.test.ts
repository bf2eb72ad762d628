import { describe, expect, it } from 'vitest';
import {
  comparisonPeriod,
  comparisonTitle,
  sameDayLastYear,
  sameEndLastYear,
  sameRangeLastYear,
} from './comparison';

describe('the same period last year', () => {
  it('takes the same calendar days a year earlier', () => {
    expect(sameRangeLastYear({ from: '2026-08-24', to: '2026-11-24' })).toEqual({
      from: '2025-08-24',
      to: '2025-11-24',
    });
  });

  it('crosses year boundaries like any other day', () => {
    expect(sameRangeLastYear({ from: '2025-12-15', to: '2026-01-10' })).toEqual({
      from: '2024-12-15',
      to: '2025-01-10',
    });
    expect(sameRangeLastYear({ from: '2026-01-01', to: '2026-12-31' })).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
  });

  it('makes 29 February the 28th of a year that has none', () => {
    expect(sameDayLastYear('2028-02-29')).toBe('2027-02-28');
    expect(sameRangeLastYear({ from: '2028-02-29', to: '2028-03-31' })).toEqual({
      from: '2027-02-28',
      to: '2027-03-31',
    });
    expect(sameRangeLastYear({ from: '2028-02-01', to: '2028-02-29' })).toEqual({
      from: '2027-02-01',
      to: '2027-02-28',
    });
  });

  it('ends a period ending on the last day of February on the last day of that February', () => {
    // All of February 2029 compares with all of February 2028, the 29th included.
    expect(sameRangeLastYear({ from: '2029-02-01', to: '2029-02-28' })).toEqual({
      from: '2028-02-01',
      to: '2028-02-29',
    });
    // A period only starting on the 28th starts on the 28th.
    expect(sameDayLastYear('2029-02-28')).toBe('2028-02-28');
    // Other month ends are the same days every year.
    expect(sameEndLastYear('2026-04-30')).toBe('2025-04-30');
    expect(sameEndLastYear('2026-02-27')).toBe('2025-02-27');
  });
});

describe('comparisonPeriod', () => {
  const range = { from: '2026-08-24', to: '2026-11-24' };

  it('compares with the period of the same length just before, at the same point', () => {
    expect(comparisonPeriod('previous', range, '2026-11-24')).toEqual({
      kind: 'previous',
      range: { from: '2026-05-23', to: '2026-08-23' },
      // Its referrals and outcomes count up to the day before its own end, as the current period's data ends
      // yesterday (Partner Center lags about a day).
      outcomeCutoff: '2026-08-23',
    });
  });

  it("compares with the same days last year, counting outcomes up to the data's last day a year earlier", () => {
    expect(comparisonPeriod('last-year', range, '2026-11-24')).toEqual({
      kind: 'last-year',
      range: { from: '2025-08-24', to: '2025-11-24' },
      outcomeCutoff: '2025-11-24',
    });
    // A custom range that ended before today: last year's outcomes count up to yesterday a year earlier too.
    expect(
      comparisonPeriod('last-year', { from: '2026-01-01', to: '2026-01-31' }, '2026-03-10'),
    ).toMatchObject({
      range: { from: '2025-01-01', to: '2025-01-31' },
      outcomeCutoff: '2025-03-10',
    });
  });

  it('keeps the same point across 29 February', () => {
    // Seen on 28 February 2029, the data ends on the 27th: last year's period is seen to 27 February 2028, so both
    // count 29 days although last year's period has one more.
    const today = '2029-02-28';
    const comparison = comparisonPeriod(
      'last-year',
      // The last 30 days seen on that day.
      { from: '2029-01-30', to: today },
      today,
    );
    expect(comparison).toEqual({
      kind: 'last-year',
      range: { from: '2028-01-30', to: '2028-02-29' },
      outcomeCutoff: '2028-02-28',
    });
    expect(
      comparisonPeriod(
        'last-year',
        // The last 3 months seen on 29 February 2028.
        { from: '2027-11-29', to: '2028-02-29' },
        '2028-02-29',
      ),
    ).toEqual({
      kind: 'last-year',
      range: { from: '2026-11-29', to: '2027-02-28' },
      outcomeCutoff: '2027-03-01',
    });
  });

  it('compares with nothing when off', () => {
    expect(comparisonPeriod('off', range, '2026-11-24')).toBeNull();
  });

  it('names the comparison with its days', () => {
    const comparison = comparisonPeriod('last-year', range, '2026-11-24');
    expect(comparison && comparisonTitle(comparison)).toBe(
      'Same period last year (2025-08-24 to 2025-11-24)',
    );
  });
});
