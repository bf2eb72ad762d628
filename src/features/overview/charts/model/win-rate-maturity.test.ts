import { describe, expect, it } from 'vitest';
import type { ReferralBucket } from '../../../../lib/api/types';
import { bucketLastDay, maturingFromDay, winHorizonDays, withMaturity } from './win-rate-maturity';
import { toWinRateSeries } from './win-rate-series';

const won = (createdDate: string, wonDate: string, count: number): ReferralBucket => ({
  key: { createdDate: `${createdDate}T00:00:00`, wonDate: `${wonDate}T00:00:00` },
  count,
});
/** A bucket of the status chart's answer: by status, created date and lost date. */
const at = (
  createdDate: string,
  count: number,
  lostDate: string | null = createdDate,
): ReferralBucket => ({
  key: {
    status: lostDate ? 'Lost' : 'Accepted',
    createdDate: `${createdDate}T00:00:00`,
    lostDate: lostDate && `${lostDate}T00:00:00`,
  },
  count,
});

describe('win rate maturity', () => {
  it('takes the 75th percentile of months to a win, plus half a month', () => {
    // 8 wins: 2 in the same month, 4 a month later, 2 three months later. 75% (6 of 8) are won within 1 month.
    const buckets = [
      won('2026-01-01', '2026-01-01', 2),
      won('2026-01-01', '2026-02-01', 4),
      won('2026-01-01', '2026-04-01', 2),
    ];
    expect(winHorizonDays(buckets, 'createdDate')).toBe(Math.ceil(1.5 * 30.44));
    // One more win three months later: 75% of 9 is 6.75, the 7th win is 3 months out.
    expect(winHorizonDays([...buckets, won('2026-02-01', '2026-05-01', 1)], 'createdDate')).toBe(
      Math.ceil(3.5 * 30.44),
    );
    expect(winHorizonDays([], 'createdDate')).toBe(0);
    // By won date itself nothing is left to mature.
    expect(winHorizonDays(buckets, 'wonDate')).toBe(0);
  });

  it('marks buckets whose last day is younger than the horizon, at the bucket edge', () => {
    expect(maturingFromDay('2026-12-06', 10)).toBe('2026-11-27');
    expect(maturingFromDay('2026-12-06', 0)).toBeNull();
    expect(bucketLastDay('2026-11-23', 'week')).toBe('2026-11-29');
    expect(bucketLastDay('2026-02-01', 'month')).toBe('2026-02-28');

    const ranges = {
      current: { from: '2026-11-09', to: '2026-12-06' },
      previous: { from: '2026-10-12', to: '2026-11-08' },
    };
    const rows = toWinRateSeries(
      {
        accepted: [at('2026-11-09', 10), at('2026-11-16', 10), at('2026-11-23', 4)],
        won: [at('2026-11-09', 5), at('2026-11-16', 2)],
      },
      undefined,
      'createdDate',
      ranges,
      'week',
    );
    // Maturing from 27 Nov: the week of 23 Nov (its last day 29 Nov) and the one of 30 Nov; not 16 Nov (ends 22 Nov).
    const marked = withMaturity(
      rows,
      [at('2026-11-09', 3), at('2026-11-16', 6)],
      'createdDate',
      'week',
      '2026-11-27',
    );
    expect(marked.map((r) => [r.start, r.maturing, r.open, r.decidedWinRate])).toEqual([
      ['2026-11-09', false, 2, 5 / 8],
      ['2026-11-16', false, 2, 0.25],
      ['2026-11-23', true, 4, null],
      ['2026-11-30', true, 0, null],
    ]);
    // The faded line starts at the last settled bucket so the two lines join.
    expect(marked.map((r) => [r.settledWinRate, r.maturingWinRate])).toEqual([
      [0.5, null],
      [0.2, 0.2],
      [null, 0],
      [null, null],
    ]);
    // A bucket ending the day before the cut-off is settled.
    expect(
      withMaturity(rows, [], 'createdDate', 'week', '2026-11-23').map((r) => r.maturing),
    ).toEqual([false, false, true, true]);
    expect(withMaturity(rows, [], 'createdDate', 'week', null).some((r) => r.maturing)).toBe(false);
  });
});
