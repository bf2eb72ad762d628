// How many referrals of the view reached each funnel stage and each way out, by the stage's date being set (a won
// referral was also accepted). One joint query of every stage date when that stays small, else one count per stage.
import type { UseQueryResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import { countsWithValue } from '../../../lib/analytics/buckets';
import type { ReferralBucket } from '../../../lib/api/types';
import type { DateField } from '../../../lib/referrals/schema';
import { useBucketQueries, useCountQueries, useDashboardPlan, type PlanState } from './use-plan';
import { STAGE_DATES } from './view-queries';
import { combineQueries, type CombinedQueryState } from './query-state';

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
  const { funnel } = useDashboardPlan(state);
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
