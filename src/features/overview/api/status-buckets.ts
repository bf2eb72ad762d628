// Referrals per status per date bucket, for the Referrals per status chart (and the Open counts of the KPI tiles):
// day buckets for ranges up to six months, summed into the chosen granularity by the chart's model, so a
// granularity change asks for nothing.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReferralBucket } from '../../../lib/api/types';
import type { ReferralField } from '../../../lib/referrals/schema';
import { statusLevel, unique, viewFilter, type PlanView } from './plan-view';
import { bucketsQuery, type BucketsQuery } from './planned-query';
import { combineQueries, type CombinedQueryState } from './query-state';
import { useBucketQueries, usePlanned, type PlanState } from './use-planned-queries';

/** Referrals of the view per status per date bucket. */
export function statusBucketsQuery(view: PlanView): BucketsQuery {
  return bucketsQuery({
    filter: viewFilter(view, view.range),
    groupby: unique<ReferralField>(['status', view.filters.dateField]),
    aggregationLevel: statusLevel(view),
  });
}

export type StatusBuckets = CombinedQueryState & { buckets: ReferralBucket[] | undefined };

function combineStatus(results: UseQueryResult<ReferralBucket[]>[]): StatusBuckets {
  return { ...combineQueries(results), buckets: results[0]?.data };
}

export function useStatusBuckets(state: PlanState): StatusBuckets {
  return useBucketQueries([usePlanned(state, statusBucketsQuery)], combineStatus);
}
