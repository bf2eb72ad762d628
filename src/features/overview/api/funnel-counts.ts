// How many referrals of the view reached each funnel stage and each way out, by the stage's date being set (a won
// referral was also accepted). One joint query of every stage date when that stays small, else one count per stage.
import type { UseQueryResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import { countsWithValue } from '../../../lib/analytics/buckets';
import type { ReferralBucket } from '../../../lib/api/types';
import type { DateField } from '../../../lib/referrals/schema';
import { reached, STAGE_DATES, stagesFitOneQuery, viewFilter, type PlanView } from './plan-view';
import { bucketsQuery, countQuery, type BucketsQuery, type CountQuery } from './planned-query';
import { combineQueries, type CombinedQueryState } from './query-state';
import {
  useBucketQueries,
  useCountQueries,
  usePlanned,
  type PlanState,
} from './use-planned-queries';

/** The queries behind the funnel: one joint query of every stage date, or one count per stage. */
export type FunnelQueries =
  | { kind: 'joint'; query: BucketsQuery }
  | { kind: 'counts'; total: CountQuery; stages: CountQuery[] };

/**
 * Every stage date of the view's referrals, jointly at month level: whether each date is set, for every stage and
 * way out at once (a null date is its own bucket). The view's own date field is set for all and left out.
 */
export function stageBuckets(view: PlanView): BucketsQuery {
  return bucketsQuery({
    filter: viewFilter(view, view.range),
    groupby: STAGE_DATES.filter((field) => field !== view.filters.dateField),
    aggregationLevel: 'month',
  });
}

/** How many referrals of the view reached `stage` (all of them for the view's own date field). */
export function stageCount(view: PlanView, stage: DateField): CountQuery {
  return countQuery(
    stage === view.filters.dateField || stage === 'createdDate'
      ? viewFilter(view, view.range)
      : viewFilter(view, view.range, reached(view, stage)),
  );
}

export function funnelQueries(view: PlanView): FunnelQueries {
  if (stagesFitOneQuery(view)) return { kind: 'joint', query: stageBuckets(view) };
  return {
    kind: 'counts',
    total: stageCount(view, view.filters.dateField),
    stages: STAGE_DATES.filter((field) => field !== view.filters.dateField).map((field) =>
      stageCount(view, field),
    ),
  };
}

export type StageCounts = CombinedQueryState & {
  counts: Record<DateField, number> | undefined;
};

const ALL_DATES: readonly DateField[] = ['createdDate', ...STAGE_DATES];

/** Dates outside the joint groupby (created, the view's own) are set for every referral of the view. */
function fromJoint(results: UseQueryResult<ReferralBucket[]>[]): StageCounts {
  const buckets = results[0]?.data;
  return { ...combineQueries(results), counts: buckets && countsWithValue(buckets, ALL_DATES) };
}

/** Every stage date's count: from the joint buckets, or the view's count and one count per other stage. */
export function useStageCounts(state: PlanState): StageCounts {
  const funnel = usePlanned(state, funnelQueries);
  const viewField = state.filters.dateField;
  const fromCounts = useCallback(
    (results: UseQueryResult<number>[]): StageCounts => {
      const combined = combineQueries(results);
      if (!combined.ready) return { ...combined, counts: undefined };
      const [total, ...stages] = results.map((result) => result.data ?? 0);
      const counts = Object.fromEntries(ALL_DATES.map((field) => [field, total ?? 0])) as Record<
        DateField,
        number
      >;
      STAGE_DATES.filter((field) => field !== viewField).forEach(
        (field, index) => (counts[field] = stages[index] ?? 0),
      );
      return { ...combined, counts };
    },
    [viewField],
  );
  const joint = useBucketQueries(funnel.kind === 'joint' ? [funnel.query] : [], fromJoint);
  const counted = useCountQueries(
    funnel.kind === 'counts' ? [funnel.total, ...funnel.stages] : [],
    fromCounts,
  );
  return funnel.kind === 'joint' ? joint : counted;
}
