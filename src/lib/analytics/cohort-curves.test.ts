import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cumulativeIncidence, percentileOfReached, shareWithin } from './cohort-curves';

describe('cumulativeIncidence with open referrals', () => {
  // Six referrals: reached at 0, 1 and 2 days; three still open, watched for 1, 3 and 3 days.
  //   d=0: 6 at risk, 1 reached: S = 5/6,             F = 1/6
  //   d=1: 5 at risk, 1 reached: S = 5/6 · 4/5 = 2/3, F = 1/3
  //   d=2: 3 at risk (the one watched 1 day left), 1 reached: S = 2/3 · 2/3 = 4/9, F = 5/9
  //   d=3: 2 at risk, none reached: F = 5/9; d=4, 5: those reached earlier were watched longer, nobody is at risk
  //   and F stays 5/9; then the curve stops at the oldest referral's age.
  // Counting open referrals as failures would say 3/6 at d=2; dropping them would say 3/3.
  const observations = [
    { duration: 0, age: 5, count: 1 },
    { duration: 1, age: 4, count: 1 },
    { duration: null, age: 1, count: 1 },
    { duration: 2, age: 3, count: 1 },
    { duration: null, age: 3, count: 2 },
  ];

  it('matches the hand-computed estimate', () => {
    const curve = cumulativeIncidence(observations);
    expect(curve.map((p) => p.atRisk)).toEqual([6, 5, 3, 2, 0, 0]);
    expect(curve.map((p) => p.reached)).toEqual([1, 1, 1, 0, 0, 0]);
    const shares = curve.map((p) => p.share);
    [1 / 6, 1 / 3, 5 / 9, 5 / 9, 5 / 9, 5 / 9].forEach((value, i) =>
      expect(shares[i]).toBeCloseTo(value, 12),
    );
  });

  it('gives percentiles and shares within a number of days', () => {
    const curve = cumulativeIncidence(observations);
    // Among those that reach it (5/9 by the end): half by 5/18, reached at d=1; nine in ten by 1/2, at d=2.
    expect(percentileOfReached(curve, 0.5)).toBe(1);
    expect(percentileOfReached(curve, 0.9)).toBe(2);
    expect(shareWithin(curve, 0)).toBeCloseTo(1 / 12, 12);
    expect(shareWithin(curve, 1)).toBeCloseTo((1 / 6 + 1 / 3) / 2, 12);
    expect(shareWithin(curve, 3)).toBeCloseTo(5 / 9, 12);
    expect(shareWithin(curve, 6)).toBeNull();
  });

  it('is reached ÷ all when nobody is open', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ duration: fc.option(fc.nat(20)), count: fc.integer({ min: 1, max: 5 }) }),
          {
            minLength: 1,
          },
        ),
        (rows) => {
          // Everybody watched for 30 days: nobody not reached is still open.
          const curve = cumulativeIncidence(rows.map((r) => ({ ...r, age: 30 })));
          const total = rows.reduce((sum, r) => sum + r.count, 0);
          for (const d of [0, 5, 20, 30]) {
            const reached = rows
              .filter((r) => r.duration !== null && r.duration <= d)
              .reduce((sum, r) => sum + r.count, 0);
            expect(curve[d]?.share).toBeCloseTo(reached / total, 9);
          }
        },
      ),
    );
  });

  it('is empty for no referrals', () => {
    expect(cumulativeIncidence([])).toEqual([]);
    expect(percentileOfReached([], 0.5)).toBeNull();
  });
});
