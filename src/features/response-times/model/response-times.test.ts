import { describe, expect, it } from 'vitest';
import type { ReferralBucket } from '../../../lib/api/types';
import { cohortStart, responseTimesModel } from './response-times';
import { dayNumber, precisionFor } from './precision';

const day = (iso: string) => dayNumber(iso) ?? NaN;
const bucket = (
  createdDate: string,
  field: string,
  reached: string | null,
  count: number,
  customerMarket?: string,
): ReferralBucket => ({
  key: {
    createdDate: `${createdDate}T00:00:00`,
    [field]: reached && `${reached}T00:00:00`,
    ...(customerMarket ? { customerMarket } : {}),
  },
  count,
});

describe('responseTimesModel', () => {
  // Data as of Wed 2 Dec 2026 (the newest date in the buckets). Cohort of Mon 23 Nov: six referrals, as in the
  // analytics example (ages 9, 9, 8, 9, 8, 8 days here); cohort of 30 Nov: two, one acknowledged the same day.
  const acknowledge = [
    bucket('2026-11-23', 'acknowledgedDate', '2026-11-23', 1, 'US'),
    bucket('2026-11-23', 'acknowledgedDate', '2026-11-24', 1, 'US'),
    bucket('2026-11-24', 'acknowledgedDate', '2026-11-26', 1, 'DE'),
    bucket('2026-11-24', 'acknowledgedDate', null, 2, 'DE'),
    bucket('2026-11-30', 'acknowledgedDate', '2026-11-30', 1, 'US'),
    bucket('2026-12-02', 'acknowledgedDate', null, 1, 'US'),
  ];
  const model = responseTimesModel(
    { acknowledge, accept: [], win: [] },
    'day',
    'week',
    day('2026-12-06'),
  );
  const [ack] = model.stages;

  it('dates the data by its newest day and cuts each cohort at its age', () => {
    expect(model.asOfDay).toBe(day('2026-12-02'));
    expect(ack?.cohorts.map((c) => [c.start, c.total, c.curve.length])).toEqual([
      ['2026-11-23', 5, 10],
      ['2026-11-30', 2, 3],
    ]);
  });

  it('counts referrals not yet acknowledged as censored at their age', () => {
    // Cohort 23 Nov: durations 0, 1, 2 and two open at age 8: F(0) = 1/5, F(1) = 2/5, F(2) = 3/5.
    const shares = ack?.cohorts[0]?.curve.map((p) => p.share);
    expect(shares?.slice(0, 3).map((s) => s.toFixed(6))).toEqual([
      '0.200000',
      '0.400000',
      '0.600000',
    ]);
    expect(ack?.total).toBe(7);
    expect(ack?.reached).toBe(4);
    // The open referral created on 2 Dec is watched for 0 days only: it never counts against a later day.
    // All: d=0: 7 at risk, 2 reached, and the 2 Dec one leaves; d=1: 4 at risk, 1 reached: S = 5/7 · 3/4 = 15/28;
    // d=2: 3 at risk, 1 reached: S = 15/28 · 2/3 = 10/28, and nobody after: F(last) = 18/28. Half of that, 9/28,
    // is passed at d=1 (F = 13/28): the median of those acknowledged is 1 day; nine in ten (81/140) at d=2.
    expect(ack?.all[1]?.share).toBeCloseTo(1 - 15 / 28, 12);
    expect(ack?.all[2]?.share).toBeCloseTo(1 - 10 / 28, 12);
    expect(ack?.p50).toBe(1);
    expect(ack?.p90).toBe(2);
  });

  it('gives service levels overall and per market, most referrals first', () => {
    expect(model.serviceLevels.overall.total).toBe(7);
    expect(model.serviceLevels.byMarket.map((m) => [m.market, m.total])).toEqual([
      ['US', 4],
      ['DE', 3],
    ]);
    // US: d=0: 2 of 4 reached (the 2 Dec one is at risk at d=0 only); d=1: the last one at risk reached, so
    // F(0) = 1/2, F(1) = 1, and within 24 h = (F(0) + F(1)) / 2 = 3/4.
    const us = model.serviceLevels.byMarket[0]?.shares;
    expect(us?.within24h).toBeCloseTo(0.75, 12);
    // DE is watched for 8 days only: 14 days cannot be told yet.
    expect(model.serviceLevels.byMarket[1]?.shares.beforeExpiry).toBeNull();
    // The stages with no buckets have no curve at all.
    expect(model.stages[1]?.all).toEqual([]);
  });

  it('puts days in Monday-started weeks or in months', () => {
    expect(cohortStart(day('2026-11-29'), 'week')).toBe('2026-11-23');
    expect(cohortStart(day('2026-11-30'), 'week')).toBe('2026-11-30');
    expect(cohortStart(day('2026-11-30'), 'month')).toBe('2026-11-01');
  });

  it('keeps grouped queries under 10,000 buckets: days up to about 4.5 months, weeks beyond', () => {
    expect(precisionFor({ from: '2026-09-06', to: '2026-12-06' })).toBe('day');
    expect(precisionFor({ from: '2026-06-06', to: '2026-12-06' })).toBe('week');
  });
});
