// The KPI tiles compare like with like: on data whose rates never change, every outcome figure shows no change,
// however old the current period is, because the comparison period (the previous one, or the same days last year)
// is taken at the same age.
import { describe, expect, it } from 'vitest';
import { sumCounts } from '../../../lib/analytics/buckets';
import { fakeReferralsApi } from '../../../lib/api/fake-referrals-api';
import { referral } from '../../../lib/api/test-helpers';
import type { Referral } from '../../../lib/referrals/schema';
import { dashboardPlan } from '../api/plan';
import { reached, viewFilter, type PlanView } from '../api/plan-view';
import { bucketsOf, type BucketsQuery } from '../api/planned-query';
import { dashboardView } from '../../filters';
import type { ComparisonChoice } from '../../../lib/dates/comparison';
import type { RangePreset } from '../../filters';
import { DEFAULT_FILTERS } from '../../filters';
import { countChange, periodFigures, rateChange } from './kpi-math';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);

/**
 * Ten referrals created at noon every day since 2024; the j-th of a day is accepted j days later if j < 6 and won
 * 3j days after that if j is even: the same rates every day. Only what happened by the end of yesterday exists, as
 * in Partner Center's data, which lags about a day.
 */
function constantRates(today: string): Referral[] {
  const end = Date.parse(`${today}T00:00:00Z`);
  const rows: Referral[] = [];
  for (let day = Date.parse('2024-01-01T12:00:00Z'); day < end; day += DAY) {
    for (let j = 0; j < 10; j++) {
      const accepted = j < 6 && day + j * DAY < end ? day + j * DAY : null;
      const won =
        accepted !== null && j % 2 === 0 && accepted + 3 * j * DAY < end
          ? accepted + 3 * j * DAY
          : null;
      rows.push(
        referral({
          id: `${day}-${j}`,
          status: won !== null ? 'Won' : accepted !== null ? 'Accepted' : 'New',
          createdDate: iso(day),
          acknowledgedDate: accepted === null ? null : iso(accepted),
          acceptedDate: accepted === null ? null : iso(accepted),
          wonDate: won === null ? null : iso(won),
        }),
      );
    }
  }
  return rows;
}

function viewOn(today: string, preset: RangePreset, compare: ComparisonChoice): PlanView {
  return { ...dashboardView({ ...DEFAULT_FILTERS, preset }, null, today, compare), today };
}

describe('same-age comparison', () => {
  // Last year's periods here have as many days as this year's (no 29 February between), so counts match too.
  it.each([
    ['2026-03-31', '30d', 'previous'],
    ['2026-03-31', '3m', 'previous'],
    ['2026-06-15', '3m', 'previous'],
    ['2026-06-15', '12m', 'previous'],
    ['2026-03-31', '3m', 'last-year'],
    ['2025-06-15', '30d', 'last-year'],
    ['2026-06-15', '12m', 'last-year'],
  ] as const)(
    'shows no change on constant rates, seen on %s over %s vs %s',
    (today, preset, compare) => {
      const api = fakeReferralsApi(constantRates(today));
      const view = viewOn(today, preset, compare);
      const plan = dashboardPlan(view);
      if (!plan.previousTotal || !plan.outcomes.previous || !view.comparison) {
        throw new Error('The view compares with a period');
      }
      const count = (filter: string | undefined) => api.page({ filter, top: 1 }).totalCount ?? 0;
      // A period's buckets of its planned query (both periods may share one request).
      const sum = (planned: BucketsQuery) =>
        sumCounts(bucketsOf(planned, api.grouped(planned.query).buckets));
      const now = periodFigures({
        total: count(viewFilter(view, view.range)),
        accepted: sum(plan.outcomes.current.accepted),
        won: sum(plan.outcomes.current.won),
      });
      const before = periodFigures({
        total: count(plan.previousTotal.filter),
        accepted: sum(plan.outcomes.previous.accepted),
        won: sum(plan.outcomes.previous.won),
      });
      expect(countChange(now.total, before.total)?.direction).toBe('flat');
      expect(countChange(now.accepted, before.accepted)?.direction).toBe('flat');
      expect(countChange(now.won, before.won)?.direction).toBe('flat');
      expect(rateChange(now.winRate, before.winRate)?.direction).toBe('flat');
      expect(rateChange(now.acceptanceRate, before.acceptanceRate)?.direction).toBe('flat');

      // Taken as it stands today instead, the previous period has had longer and seems better.
      const allTimeWon = count(viewFilter(view, view.comparison.range, reached(view, 'wonDate')));
      expect(allTimeWon).toBeGreaterThan(before.won);
    },
  );
});
