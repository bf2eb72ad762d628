// The win rate chart's rows from the dashboard's plan, answered by a fake API over known rows: every accepted
// referral of the view lands in the row of its own bucket, whatever the range's edges and the granularity.
import { describe, expect, it } from 'vitest';
import { fakeReferralsApi } from '../../../lib/api/fake-referrals-api';
import { referral } from '../../../lib/api/test-helpers';
import type { Referral } from '../../../lib/referrals/schema';
import { dashboardPlan } from './plan';
import type { PlanView } from './plan-view';
import { bucketsOf, type BucketsQuery } from './planned-query';
import { dashboardView } from '../../filters';
import { DEFAULT_FILTERS, type DashboardFilters } from '../../filters';
import { bucketLastDay, withMaturity } from '../charts/model/win-rate-maturity';
import { toWinRateSeries } from '../charts/model/win-rate-series';

// A Sunday: the 24- and 12-month ranges start on a Sunday or a Monday, mid-week for weeks and mid-month never.
const TODAY = '2026-03-01';
const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);

/** Referrals created every few hours over 26 months; two thirds accepted, then won, lost or still open. */
const rows: Referral[] = Array.from({ length: 3000 }, (_, i) => {
  const created = Date.parse(`${TODAY}T20:00:00Z`) - i * 6.3 * 3_600_000;
  const accepted = i % 3 === 0 ? null : created + (i % 9) * DAY_MS;
  const outcome = accepted === null ? null : accepted + ((i * 13) % 120) * DAY_MS;
  const end = Date.parse(`${TODAY}T23:59:59Z`);
  const dated = (ms: number | null) => (ms !== null && ms <= end ? iso(ms) : null);
  return referral({
    id: String(i),
    createdDate: iso(created),
    acceptedDate: dated(accepted),
    wonDate: i % 4 === 1 ? dated(outcome) : null,
    lostDate: i % 4 === 2 ? dated(outcome) : null,
  });
});
const api = fakeReferralsApi(rows);
const answer = (planned: BucketsQuery) =>
  bucketsOf(planned, api.grouped({ ...planned.query, top: 10_000 }).buckets);

function planView(filters: Partial<DashboardFilters>, granularity: 'week' | 'month' | null) {
  const view = dashboardView({ ...DEFAULT_FILTERS, ...filters }, granularity, TODAY);
  return { ...view, today: TODAY } satisfies PlanView;
}

describe('the win rate chart over the plan', () => {
  it.each([
    ['24 months by month', planView({ preset: '24m' }, null)],
    ['12 months by month', planView({ preset: '12m' }, null)],
    ['12 months by week', planView({ preset: '12m' }, 'week')],
    ['3 months by month', planView({}, 'month')],
    [
      'a custom range from a Wednesday by month',
      planView({ preset: 'custom', from: '2025-06-04', to: '2026-02-10' }, 'month'),
    ],
  ])('counts each accepted referral in its own bucket, for %s', (_, view) => {
    const plan = dashboardPlan(view);
    expect(plan.winRate.previous).not.toBeNull();
    const { dateField } = view.filters;
    const current = {
      accepted: answer(plan.winRate.current.accepted),
      won: answer(plan.winRate.current.won),
    };
    const comparison = plan.winRate.previous;
    const previous = comparison && {
      accepted: answer(comparison.accepted),
      won: answer(comparison.won),
    };
    const chartRows = withMaturity(
      toWinRateSeries(
        current,
        previous ?? undefined,
        dateField,
        { current: view.range, previous: view.comparison?.range ?? null },
        view.granularity,
      ),
      answer(plan.winRateMaturity.lost),
      dateField,
      view.granularity,
      null,
    );

    const inView = rows.filter((row) => {
      const day = row[dateField]?.slice(0, 10) ?? '';
      return row.acceptedDate !== null && day >= view.range.from && day <= view.range.to;
    });
    const expected = chartRows.map((row) => {
      const last = bucketLastDay(row.start, view.granularity);
      const own = inView.filter((r) => {
        const day = r[dateField]?.slice(0, 10) ?? '';
        return day >= row.start && day <= last;
      });
      return {
        start: row.start,
        accepted: own.length,
        won: own.filter((r) => r.wonDate !== null).length,
        lost: own.filter((r) => r.wonDate === null && r.lostDate !== null).length,
        open: own.filter((r) => r.wonDate === null && r.lostDate === null).length,
      };
    });
    expect(
      chartRows.map(({ start, accepted, won, lost, open }) => ({
        start,
        accepted,
        won,
        lost,
        open,
      })),
    ).toEqual(expected);
    const openInView = inView.filter((r) => r.wonDate === null && r.lostDate === null).length;
    expect(chartRows.reduce((sum, row) => sum + row.open, 0)).toBe(openInView);
    expect(openInView).toBeGreaterThan(10);
  });
});
