// Referrals per status per date bucket, for the Referrals per status chart: day buckets for ranges up to six
// months, summed into the chosen granularity by the chart's model, so a granularity change asks for nothing.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReferralBucket } from '../../../lib/api/types';
import { useBucketQueries, useDashboardPlan, type PlanState } from './use-plan';
import { combineQueries, type CombinedQueryState } from './query-state';

export type StatusBuckets = CombinedQueryState & { buckets: ReferralBucket[] | undefined };

function combineStatus(results: UseQueryResult<ReferralBucket[]>[]): StatusBuckets {
  return { ...combineQueries(results), buckets: results[0]?.data };
}

export function useStatusBuckets(state: PlanState): StatusBuckets {
  const plan = useDashboardPlan(state);
  return useBucketQueries([plan.statusChart], combineStatus);
}
