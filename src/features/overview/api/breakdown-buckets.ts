// Referrals by a text field with how many were accepted and won (won ÷ accepted is the win rate per value, by the
// stage dates, not the current status: a won referral was also accepted). One joint query with both dates at month
// level when that stays small, else one query per stage.
import type { UseQueryResult } from '@tanstack/react-query';
import { withValue } from '../../../lib/analytics/buckets';
import type { ReferralBucket } from '../../../lib/api/types';
import { useBucketQueries, useDashboardPlan, type PlanState } from './use-plan';
import type { BreakdownField } from './view-queries';
import { combineQueries, type CombinedQueryState } from './query-state';
import type { BreakdownInput } from '../charts/model/breakdown';

export type { BreakdownField };
type BreakdownBuckets = CombinedQueryState & { input: BreakdownInput | undefined };

/** Module-level, so React Query re-runs it only when a result changes and the input keeps its identity. */
function combineBreakdown(queries: UseQueryResult<ReferralBucket[]>[]): BreakdownBuckets {
  const data = queries.map((q) => q.data);
  const state = combineQueries(queries);
  if (!state.ready) return { ...state, input: undefined };
  const [total = [], accepted, won] = data as ReferralBucket[][];
  return {
    ...state,
    input:
      accepted && won
        ? { total, accepted, won }
        : {
            total,
            accepted: withValue(total, 'acceptedDate'),
            won: withValue(total, 'wonDate'),
          },
  };
}

export function useBreakdownBuckets(field: BreakdownField, state: PlanState): BreakdownBuckets {
  const { breakdowns } = useDashboardPlan(state);
  return useBucketQueries(breakdowns[field], combineBreakdown);
}
