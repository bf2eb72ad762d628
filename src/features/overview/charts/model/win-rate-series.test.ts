import { describe, expect, it } from 'vitest';
import type { ReferralBucket } from '../../../../lib/api/types';
import { toWinRateSeries } from './win-rate-series';

const at = (createdDate: string, count: number): ReferralBucket => ({
  key: { createdDate },
  count,
});
const ranges = {
  current: { from: '2026-03-01', to: '2026-03-03' },
  previous: { from: '2026-02-26', to: '2026-02-28' },
};

describe('toWinRateSeries', () => {
  it('divides won by accepted per bucket and lines the previous period up by index', () => {
    const rows = toWinRateSeries(
      {
        accepted: [at('2026-03-01T00:00:00', 4), at('2026-03-03T00:00:00', 2)],
        won: [at('2026-03-01T00:00:00', 1)],
      },
      { accepted: [at('2026-02-26T00:00:00', 5)], won: [at('2026-02-26T00:00:00', 5)] },
      'createdDate',
      ranges,
      'day',
    );
    expect(rows.map((r) => [r.start, r.winRate, r.previousLabel, r.previousWinRate])).toEqual([
      ['2026-03-01', 0.25, 'Feb 26, 2026', 1],
      ['2026-03-02', null, 'Feb 27, 2026', null],
      ['2026-03-03', 0, 'Feb 28, 2026', null],
    ]);
  });

  it('leaves the previous line empty while it loads', () => {
    const rows = toWinRateSeries(
      { accepted: [], won: [] },
      undefined,
      'createdDate',
      ranges,
      'day',
    );
    expect(rows.every((r) => r.previousAccepted === null && r.previousWinRate === null)).toBe(true);
    expect(rows).toHaveLength(3);
  });

  it('has no comparison column values when comparisons are off', () => {
    const rows = toWinRateSeries(
      { accepted: [at('2026-03-01T00:00:00', 4)], won: [] },
      undefined,
      'createdDate',
      { current: ranges.current, previous: null },
      'day',
    );
    expect(rows.map((r) => [r.start, r.winRate, r.previousLabel, r.previousWinRate])).toEqual([
      ['2026-03-01', 0, null, null],
      ['2026-03-02', null, null, null],
      ['2026-03-03', null, null, null],
    ]);
  });
});
