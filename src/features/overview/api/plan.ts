// The dashboard's request plan: every figure's module builds the queries it is computed from (and its hook reads
// them), and the plan lists them all so that the view asks each distinct query once. The route's loader
// (src/app/routes/overview.ts) starts these with the same options the hooks use; the plan and budget tests count
// them. Budget on a default view: a handful of grouped queries, no rows but the table's page and the awaiting list.
import { hashKey } from '@tanstack/react-query';
import type { ReferralsClient } from '../../../lib/api/client';
import type { PrefetchableQuery } from '../../../lib/api/queries';
import { utcToday } from '../../../lib/dates/days';
import { dashboardViewAt } from '../../filters';
import { referralsTableQueries } from '../../referrals';
import { awaitingQueries } from './awaiting-list';
import { breakdownQueries, type BreakdownField } from './breakdown-buckets';
import { funnelQueries } from './funnel-counts';
import { previousTotalQuery } from './kpi-counts';
import { outcomeQueries, type OutcomeQueries } from './outcome-buckets';
import type { PlanView } from './plan-view';
import {
  bucketsQuery,
  prefetchableOf,
  requestKey,
  type BucketsQuery,
  type CountQuery,
  type PlannedQuery,
} from './planned-query';
import { statusBucketsQuery } from './status-buckets';
import { winRateQueries } from './win-rate-buckets';
import { winRateMaturityQueries, type WinRateMaturityQueries } from './win-rate-maturity';

/** Every figure's queries for one view, by figure. */
export interface DashboardPlan {
  statusChart: BucketsQuery;
  funnel: BucketsQuery[];
  /** Accepted and won per period: the Accepted, Won and median tiles. */
  outcomes: OutcomeQueries;
  /** The win rate chart's accepted and won per bucket (the outcomes, or counts where those do not nest). */
  winRate: OutcomeQueries;
  /** The Total referrals tile's comparison; null when comparisons are off. */
  previousTotal: CountQuery | null;
  breakdowns: Record<BreakdownField, BucketsQuery[]>;
  winRateMaturity: WinRateMaturityQueries;
}

export function dashboardPlan(view: PlanView): DashboardPlan {
  return {
    statusChart: statusBucketsQuery(view),
    funnel: funnelQueries(view),
    outcomes: outcomeQueries(view),
    winRate: winRateQueries(view),
    previousTotal: previousTotalQuery(view),
    breakdowns: breakdownQueries(view),
    winRateMaturity: winRateMaturityQueries(view),
  };
}

const periodsOf = ({ current, previous }: OutcomeQueries) => [
  current.accepted,
  current.won,
  ...(previous ? [previous.accepted, previous.won] : []),
];

/** Every request of the plan, each once (the slices of one request are one). */
function plannedQueries(plan: DashboardPlan): PlannedQuery[] {
  const all: PlannedQuery[] = [
    plan.statusChart,
    ...plan.funnel,
    ...periodsOf(plan.outcomes),
    ...periodsOf(plan.winRate),
    ...(plan.previousTotal ? [plan.previousTotal] : []),
    ...plan.breakdowns.customerMarket,
    ...plan.breakdowns.customerOrgSize,
    plan.winRateMaturity.lost,
    ...(plan.winRateMaturity.timeToWin ? [plan.winRateMaturity.timeToWin] : []),
  ];
  const seen = new Set<string>();
  return all
    .filter((query) => {
      const key = requestKey(query);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((query) => (query.kind === 'buckets' ? bucketsQuery(query.query) : query));
}

/**
 * Every request the dashboard makes as it first shows the address's view, each once: the plan's queries, the
 * awaiting list's open referrals and the table's first page. `search`: the address's query string; `now`: the clock
 * the dashboard will read.
 */
export function dashboardQueries(
  client: ReferralsClient,
  search: string,
  now: Date,
): PrefetchableQuery[] {
  const view = dashboardViewAt(search, now);
  const queries = [
    ...plannedQueries(dashboardPlan({ ...view, today: utcToday(now) })).map((planned) =>
      prefetchableOf(client, planned),
    ),
    ...awaitingQueries(client, view.filters, now),
    ...referralsTableQueries(client, view.apiFilter, search),
  ];
  const seen = new Set<string>();
  return queries.filter((query) => {
    const key = hashKey(query.queryKey);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
