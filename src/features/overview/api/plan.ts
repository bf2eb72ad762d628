// The dashboard's request plan: every figure names the queries it is computed from, and the view asks each distinct
// query once. The route's loader (src/app/routes/overview.ts) and the components' hooks build their query options here,
// so both ask for exactly the same keys. Budget on a default view: a handful of grouped queries, no rows.
import { hashKey } from '@tanstack/react-query';
import type { ReferralsClient } from '../../../lib/api/client';
import type { ReferralBucket } from '../../../lib/api/types';
import {
  allGroupedReferralsQuery,
  prefetchable,
  referralsCountQuery,
  type PrefetchableQuery,
} from '../../../lib/api/queries';
import { awaitingQueries } from './awaiting-list';
import { dashboardView, parseFilters } from '../../filters';
import { utcToday } from '../../../lib/dates/days';
import { referralsTableQueries } from '../../referrals';
import {
  breakdownBuckets,
  breakdownStageBuckets,
  bucketsQuery,
  outcomeBuckets,
  outcomeBucketsBothPeriods,
  outcomeCounts,
  outcomesNestInGranularity,
  periodsShareOutcomeQueries,
  sliceOf,
  STAGE_DATES,
  stageBuckets,
  stageCount,
  stagesFitOneQuery,
  lostAcceptedBuckets,
  statusBuckets,
  timeToWinBuckets,
  countQuery,
  viewFilter,
  type BreakdownField,
  type BucketsQuery,
  type CountQuery,
  type Period,
  type PlannedQuery,
  type PlanView,
} from './view-queries';

/** The queries behind the funnel: one joint query of every stage date, or one count per stage. */
export type StagesPlan =
  | { kind: 'joint'; query: BucketsQuery }
  | { kind: 'counts'; total: CountQuery; stages: CountQuery[] };

export interface DashboardPlan {
  statusChart: BucketsQuery;
  funnel: StagesPlan;
  /**
   * This period's and the comparison period's referrals that were accepted, and those that were won; nothing for
   * the comparison when comparisons are off.
   */
  outcomes: {
    current: { accepted: BucketsQuery; won: BucketsQuery };
    previous: { accepted: BucketsQuery; won: BucketsQuery } | null;
  };
  /**
   * The win rate chart's accepted and won per bucket: the outcomes, or their counts where those do not nest in the
   * chart's granularity.
   */
  winRate: DashboardPlan['outcomes'];
  /** The comparison period's referrals, for the Total referrals tile; null when comparisons are off. */
  previousTotal: CountQuery | null;
  breakdowns: Record<BreakdownField, BucketsQuery[]>;
  /**
   * The win rate chart's maturity: accepted referrals lost per bucket (a query of its own) and the time wins take (a global statistic; null when there is nothing to mature).
   */
  winRateMaturity: { lost: BucketsQuery; timeToWin: BucketsQuery | null };
}

/** Accepted and won per period: one request per stage for both periods where day buckets allow, else one each. */
function outcomesPlan(view: PlanView): DashboardPlan['outcomes'] {
  if (periodsShareOutcomeQueries(view)) {
    const accepted = outcomeBucketsBothPeriods(view, 'acceptedDate');
    const won = outcomeBucketsBothPeriods(view, 'wonDate');
    return {
      current: {
        accepted: sliceOf(accepted, view, 'current'),
        won: sliceOf(won, view, 'current'),
      },
      previous: {
        accepted: sliceOf(accepted, view, 'previous'),
        won: sliceOf(won, view, 'previous'),
      },
    };
  }
  return {
    current: {
      accepted: outcomeBuckets(view, 'current', 'acceptedDate'),
      won: outcomeBuckets(view, 'current', 'wonDate'),
    },
    previous: view.comparison && {
      accepted: outcomeBuckets(view, 'previous', 'acceptedDate'),
      won: outcomeBuckets(view, 'previous', 'wonDate'),
    },
  };
}

/** The win rate chart's rows sum the outcome buckets into its granularity when they nest in it, else count anew. */
function winRatePlan(
  view: PlanView,
  outcomes: DashboardPlan['outcomes'],
): DashboardPlan['outcomes'] {
  if (outcomesNestInGranularity(view)) return outcomes;
  const period = (name: Period) => ({
    accepted: outcomeCounts(view, name, 'acceptedDate'),
    won: outcomeCounts(view, name, 'wonDate'),
  });
  return { current: period('current'), previous: view.comparison && period('previous') };
}

export function dashboardPlan(view: PlanView): DashboardPlan {
  const oneQuery = stagesFitOneQuery(view);
  const breakdown = (field: BreakdownField) =>
    oneQuery ? [breakdownBuckets(view, field)] : breakdownStageBuckets(view, field);
  const statusChart = statusBuckets(view);
  const outcomes = outcomesPlan(view);
  return {
    statusChart,
    funnel: oneQuery
      ? { kind: 'joint', query: stageBuckets(view) }
      : {
          kind: 'counts',
          total: stageCount(view, view.filters.dateField),
          stages: STAGE_DATES.filter((field) => field !== view.filters.dateField).map((field) =>
            stageCount(view, field),
          ),
        },
    outcomes,
    winRate: winRatePlan(view, outcomes),
    previousTotal: view.comparison && countQuery(viewFilter(view, view.comparison.range)),
    breakdowns: {
      customerMarket: breakdown('customerMarket'),
      customerOrgSize: breakdown('customerOrgSize'),
    },
    winRateMaturity: { lost: lostAcceptedBuckets(view), timeToWin: timeToWinBuckets(view) },
  };
}

/** What makes two planned queries one request: the query asked, whatever slice of it a figure reads. */
export function requestKey(planned: PlannedQuery): string {
  return JSON.stringify(planned.kind === 'buckets' ? planned.query : planned);
}

/** The buckets a planned query's figure reads: all of them, or those of its slice. */
export function bucketsOf(
  planned: BucketsQuery,
  buckets: readonly ReferralBucket[],
): readonly ReferralBucket[] {
  const { slice } = planned;
  if (!slice) return buckets;
  return buckets.filter((bucket) => {
    const day = bucket.key[slice.field]?.slice(0, 10);
    return day !== undefined && day >= slice.from && day <= slice.to;
  });
}

/** Every request of the plan, each once (the slices of one request are one). */
export function plannedQueries(plan: DashboardPlan): PlannedQuery[] {
  const funnel =
    plan.funnel.kind === 'joint' ? [plan.funnel.query] : [plan.funnel.total, ...plan.funnel.stages];
  const all: PlannedQuery[] = [
    plan.statusChart,
    ...funnel,
    plan.outcomes.current.accepted,
    plan.outcomes.current.won,
    ...(plan.outcomes.previous
      ? [plan.outcomes.previous.accepted, plan.outcomes.previous.won]
      : []),
    plan.winRate.current.accepted,
    plan.winRate.current.won,
    ...(plan.winRate.previous ? [plan.winRate.previous.accepted, plan.winRate.previous.won] : []),
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

/** React Query options of a grouped query of the plan: every bucket, all pages. */
export function bucketsOptions(client: ReferralsClient, planned: BucketsQuery) {
  return allGroupedReferralsQuery(client, planned.query);
}

export function countOptions(client: ReferralsClient, planned: CountQuery) {
  return referralsCountQuery(client, planned.filter);
}

function prefetchableOf(client: ReferralsClient, planned: PlannedQuery): PrefetchableQuery {
  return planned.kind === 'count'
    ? prefetchable(countOptions(client, planned))
    : prefetchable(bucketsOptions(client, planned));
}

/**
 * Every request the dashboard makes as it first shows the address's view, each once: the plan's queries, the
 * awaiting list's open referrals and the table's first page. `search`: the address's query string; `now`: the clock the dashboard will read.
 */
export function dashboardQueries(
  client: ReferralsClient,
  search: string,
  now: Date,
): PrefetchableQuery[] {
  const { filters, granularity, compare } = parseFilters(search);
  const today = utcToday(now);
  const view = dashboardView(filters, granularity, today, compare);
  const queries = [
    ...plannedQueries(dashboardPlan({ ...view, today })).map((planned) =>
      prefetchableOf(client, planned),
    ),
    ...awaitingQueries(client, filters, now),
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
