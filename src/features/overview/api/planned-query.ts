// What a figure of the dashboard asks for, as a plain value: a count or the buckets of a grouped query (or a slice
// of them, when figures share one request), and the React Query options every loader and hook fetch it with.
import type { ReferralsClient } from '../../../lib/api/client';
import {
  allGroupedReferralsQuery,
  prefetchable,
  referralsCountQuery,
  type PrefetchableQuery,
} from '../../../lib/api/queries';
import type { ReferralBucket, ReferralsQuery } from '../../../lib/api/types';
import type { DateField } from '../../../lib/referrals/schema';

/**
 * The buckets of a grouped answer that a figure reads: those whose `field` (a day bucket, YYYY-MM-DD…) lies from
 * `from` to `to`, both included. Lets two figures share one request whose answer holds both their periods.
 */
export interface BucketSlice {
  field: DateField;
  from: string;
  to: string;
}

/**
 * A query of the plan: a count (one row for its TotalCount) or every bucket of a grouped query, or of its `slice`
 * when several figures share the request.
 */
export type PlannedQuery =
  | { kind: 'count'; filter: string | undefined }
  | { kind: 'buckets'; query: ReferralsQuery; slice?: BucketSlice };

export type BucketsQuery = Extract<PlannedQuery, { kind: 'buckets' }>;
export type CountQuery = Extract<PlannedQuery, { kind: 'count' }>;

export function countQuery(filter: string | undefined): CountQuery {
  return { kind: 'count', filter };
}

export function bucketsQuery(query: ReferralsQuery): BucketsQuery {
  return { kind: 'buckets', query };
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

/** React Query options of a grouped query of the plan: every bucket, all pages. */
export function bucketsOptions(client: ReferralsClient, planned: BucketsQuery) {
  return allGroupedReferralsQuery(client, planned.query);
}

export function countOptions(client: ReferralsClient, planned: CountQuery) {
  return referralsCountQuery(client, planned.filter);
}

/** A planned query as the route's loader starts it, with the same options as the figure's hook. */
export function prefetchableOf(client: ReferralsClient, planned: PlannedQuery): PrefetchableQuery {
  return planned.kind === 'count'
    ? prefetchable(countOptions(client, planned))
    : prefetchable(bucketsOptions(client, planned));
}
