import { describe, expect, it } from 'vitest';
import type { ReferralBucket } from '../../../../lib/api/types';
import { toMarketBreakdown, toOrgSizeBreakdown } from './breakdown';

const market = (customerMarket: string | null, count: number | string): ReferralBucket => ({
  key: { customerMarket },
  count: count as number,
});
const size = (customerOrgSize: string | null, count: number): ReferralBucket => ({
  key: { customerOrgSize },
  count,
});

describe('toMarketBreakdown', () => {
  it('keeps the top markets, sums the rest as Other, with a win rate each', () => {
    const total = ['US', 'GB', 'DE', 'FR'].map((m, i) => market(m, 40 - i * 10));
    const rows = toMarketBreakdown(
      {
        total,
        accepted: [market('US', 20), market('DE', '4'), market('FR', 6)],
        won: [market('US', 5), market('FR', 3)],
      },
      2,
    );
    expect(rows.map((r) => [r.label, r.total, r.accepted, r.won, r.winRate])).toEqual([
      ['US', 40, 20, 5, 0.25],
      ['GB', 30, 0, 0, null],
      ['Other (2)', 30, 10, 3, 0.3],
    ]);
    expect(rows[2]?.value).toBeUndefined();
  });

  it('labels referrals without a market', () => {
    const rows = toMarketBreakdown({ total: [market(null, 3)], accepted: [], won: [] });
    expect(rows).toEqual([
      { value: null, label: 'Unknown', total: 3, accepted: 0, won: 0, winRate: null },
    ]);
  });
});

describe('toOrgSizeBreakdown', () => {
  it('orders sizes smallest first, unknown sizes after, no size last', () => {
    const rows = toOrgSizeBreakdown({
      total: [
        size('Morethan20000employees', 1),
        size(null, 1),
        size('Huge', 1),
        size('1to9employees', 1),
        size('251to1000employees', 1),
      ],
      accepted: [],
      won: [],
    });
    expect(rows.map((r) => r.label)).toEqual(['1–9', '251–1,000', '20,000+', 'Huge', 'Unknown']);
    expect(rows.map((r) => r.value)).toEqual([
      '1to9employees',
      '251to1000employees',
      'Morethan20000employees',
      'Huge',
      null,
    ]);
  });

  it('lists the older scheme’s sizes as their own group after the current ones', () => {
    const rows = toOrgSizeBreakdown({
      total: [
        size('Morethan500employees', 2),
        size('Morethan20000employees', 1),
        size('1to50employees', 4),
        size('1to9employees', 3),
        size(null, 1),
      ],
      accepted: [],
      won: [],
    });
    expect(rows.map((r) => [r.label, r.group ?? null])).toEqual([
      ['1–9', null],
      ['20,000+', null],
      ['1–50 (older)', 'Older size bands'],
      ['500+ (older)', 'Older size bands'],
      ['Unknown', null],
    ]);
  });
});
