// The counts behind the Total, Accepted and Won tiles and the rates, for this period and the one it is compared
// with, from queries other figures share (the funnel's stage counts, the outcome buckets, the status chart's
// buckets for what is still open) and one query of its own: the comparison period's referrals.
import type { UseQueryResult } from '@tanstack/react-query';
import { sumCounts } from '../../../lib/analytics/buckets';
import { openCounts, type OpenCounts } from '../../../lib/analytics/open';
import type { ReferralBucket } from '../../../lib/api/types';
import { useStageCounts } from './funnel-counts';
import { outcomeQueries } from './outcome-buckets';
import { viewFilter, type PlanView } from './plan-view';
import { countQuery, type CountQuery } from './planned-query';
import { compare } from '../../../lib/filter-grammar';
import { combineQueries, type CombinedQueryState } from './query-state';
import { statusBucketsQuery } from './status-buckets';
import {
  useBucketQueries,
  useCountQueries,
  usePlanned,
  type PlanState,
} from './use-planned-queries';
import type { PeriodCounts } from '../kpis/kpi-math';

/**
 * The comparison period's referrals at the same point as this period's, for the Total referrals tile: created
 * before its cut-off (a range that ends today has no data for today); null when comparisons are off.
 */
export function previousTotalQuery(view: PlanView): CountQuery | null {
  const { comparison } = view;
  if (!comparison) return null;
  const sameAge =
    comparison.outcomeCutoff <= comparison.range.to &&
    compare(view.filters.dateField, 'lt', comparison.outcomeCutoff);
  return countQuery(viewFilter(view, comparison.range, sameAge));
}

export interface KpiCounts {
  current: CombinedQueryState & { counts: PeriodCounts | undefined };
  /** The comparison period at the same age as the current one; null when comparisons are off. */
  previous: (CombinedQueryState & { counts: PeriodCounts | undefined }) | null;
  /** The current period's referrals still open, from the status chart's buckets; undefined until known. */
  open: OpenCounts | undefined;
}

type Outcomes = CombinedQueryState & { loaded: boolean; accepted: number; won: number };

function combineOutcomes(results: UseQueryResult<ReferralBucket[]>[]): Outcomes {
  const [accepted, won] = results.map((result) => result.data);
  return {
    ...combineQueries(results),
    loaded: accepted !== undefined && won !== undefined,
    accepted: accepted ? sumCounts(accepted) : 0,
    won: won ? sumCounts(won) : 0,
  };
}

function combineOpen(results: UseQueryResult<ReferralBucket[]>[]) {
  const buckets = results[0]?.data;
  return buckets && openCounts(buckets);
}

function combineCount(results: UseQueryResult<number>[]) {
  return { ...combineQueries(results), count: results[0]?.data };
}

function merge(
  states: CombinedQueryState[],
  counts: PeriodCounts | undefined,
): CombinedQueryState & { counts: PeriodCounts | undefined } {
  return {
    ready: states.every((state) => state.ready),
    updating: states.some((state) => state.updating),
    problem: states.find((state) => state.problem)?.problem ?? null,
    counts,
  };
}

export function useKpiCounts(state: PlanState): KpiCounts {
  const outcomes = usePlanned(state, outcomeQueries);
  const previousTotal = usePlanned(state, previousTotalQuery);
  const open = useBucketQueries([usePlanned(state, statusBucketsQuery)], combineOpen);
  const stages = useStageCounts(state);
  const current = useBucketQueries(
    [outcomes.current.accepted, outcomes.current.won],
    combineOutcomes,
  );
  const previous = useBucketQueries(
    outcomes.previous ? [outcomes.previous.accepted, outcomes.previous.won] : [],
    combineOutcomes,
  );
  const before = useCountQueries(previousTotal ? [previousTotal] : [], combineCount);
  const total = stages.counts?.[state.filters.dateField];
  return {
    open,
    current: merge(
      [stages, current],
      total !== undefined && current.loaded
        ? { total, accepted: current.accepted, won: current.won }
        : undefined,
    ),
    previous:
      outcomes.previous && previousTotal
        ? merge(
            [before, previous],
            before.count !== undefined && previous.loaded
              ? { total: before.count, accepted: previous.accepted, won: previous.won }
              : undefined,
          )
        : null,
  };
}
