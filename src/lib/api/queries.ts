// Query options for every referrals query. Query keys are defined here and nowhere else; features
// call `useQuery(referralsPageQuery(client, query))` and friends.
import {
  queryOptions,
  type FetchQueryOptions,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { MAX_TOP, type DateField } from '../referrals/schema';
import type { ReferralsClient } from './client';
import { requestContexts } from './request-context';
import type { GroupedReferralsPage, ReferralBucket, ReferralsQuery, RequestContext } from './types';

/** Options a caller may pass for the user action that causes the query. */
export type QueryActionContext = Pick<RequestContext, 'correlationId'>;

/** Equal queries give equal keys: empty parts dropped, aggregationLevel only with a groupby. */
export function normalizeQuery(query: ReferralsQuery): ReferralsQuery {
  const out: ReferralsQuery = {};
  if (query.filter !== undefined && query.filter.trim() !== '') out.filter = query.filter;
  if (query.groupby !== undefined && query.groupby.length > 0) {
    out.groupby = [...query.groupby];
    if (query.aggregationLevel !== undefined) out.aggregationLevel = query.aggregationLevel;
  }
  if (query.top !== undefined) out.top = query.top;
  if (query.skip !== undefined && query.skip !== 0) out.skip = query.skip;
  return out;
}

export const referralsKeys = {
  /** Every referrals query: for invalidating or removing them all. */
  all: ['referrals'] as const,
  page: (query: ReferralsQuery) => ['referrals', 'page', normalizeQuery(query)] as const,
  dates: (query: ReferralsQuery, fields: readonly DateField[]) =>
    ['referrals', 'dates', [...fields], normalizeQuery(query)] as const,
  grouped: (query: ReferralsQuery) => ['referrals', 'grouped', normalizeQuery(query)] as const,
  count: (filter: string | undefined) =>
    ['referrals', 'count', filter === undefined || filter.trim() === '' ? null : filter] as const,
};

/** One page of rows. Add `placeholderData: keepPreviousData` when paging keeps the old page up. */
export function referralsPageQuery(
  client: ReferralsClient,
  query: ReferralsQuery,
  action?: QueryActionContext,
) {
  const normalized = normalizeQuery(query);
  return queryOptions({
    queryKey: referralsKeys.page(normalized),
    queryFn: (context) =>
      client.page(normalized, requestContexts(context, action?.correlationId)()),
  });
}

/** One page of rows reduced to some of their dates (see ReferralsClient.datesPage). */
export function referralDatesPageQuery<F extends DateField>(
  client: ReferralsClient,
  query: ReferralsQuery,
  fields: readonly F[],
) {
  const normalized = normalizeQuery(query);
  return queryOptions({
    queryKey: referralsKeys.dates(normalized, fields),
    queryFn: (context) => client.datesPage(normalized, fields, requestContexts(context)()),
  });
}

/** One page of buckets; the query must have a groupby. */
export function groupedReferralsQuery(
  client: ReferralsClient,
  query: ReferralsQuery,
  action?: QueryActionContext,
) {
  const normalized = normalizeQuery(query);
  return queryOptions({
    queryKey: referralsKeys.grouped(normalized),
    queryFn: (context) =>
      client.grouped(normalized, requestContexts(context, action?.correlationId)()),
  });
}

/**
 * The number of referrals matching a filter: one row is fetched for its TotalCount. If the API
 * leaves TotalCount out, the count per status is summed instead (a handful of buckets).
 */
export function referralsCountQuery(
  client: ReferralsClient,
  filter: string | undefined,
  action?: QueryActionContext,
) {
  const normalized = normalizeQuery({ filter });
  return queryOptions({
    queryKey: referralsKeys.count(normalized.filter),
    queryFn: async (context): Promise<number> => {
      const nextContext = requestContexts(context, action?.correlationId);
      const page = await client.page({ ...normalized, top: 1 }, nextContext());
      if (page.totalCount !== null) return page.totalCount;
      const byStatus = await client.grouped(
        { ...normalized, groupby: ['status'], top: MAX_TOP },
        nextContext(),
      );
      return byStatus.buckets.reduce((sum, bucket) => sum + bucket.count, 0);
    },
  });
}

/** More pages than any grouping of the referrals resource can need; stops a looping `@nextLink`. */
const MAX_GROUPED_PAGES = 50;

/**
 * Every bucket of a grouped query, following `@nextLink` (or `skip`) page after page: for charts,
 * whose buckets must all be there (days × statuses over a long range can pass the 10,000 limit).
 */
export function allGroupedReferralsQuery(
  client: ReferralsClient,
  query: ReferralsQuery,
  action?: QueryActionContext,
) {
  const normalized = normalizeQuery({ top: MAX_TOP, ...query });
  return queryOptions({
    queryKey: [...referralsKeys.grouped(normalized), 'all'] as const,
    queryFn: async (context): Promise<ReferralBucket[]> => {
      const nextContext = requestContexts(context, action?.correlationId);
      const buckets: ReferralBucket[] = [];
      let next: ReferralsQuery | null = normalized;
      for (let pages = 0; next !== null && pages < MAX_GROUPED_PAGES; pages++) {
        const page: GroupedReferralsPage = await client.grouped(next, nextContext());
        buckets.push(...page.buckets);
        next = page.buckets.length === 0 ? null : page.next;
      }
      return buckets;
    },
  });
}

/** A query a page will make, ready to be fetched before the page renders. */
export interface PrefetchableQuery {
  queryKey: QueryKey;
  prefetch(queryClient: QueryClient): Promise<void>;
}

export function prefetchable<TData, TKey extends QueryKey>(
  options: FetchQueryOptions<TData, Error, TData, TKey>,
): PrefetchableQuery {
  return {
    queryKey: options.queryKey,
    prefetch: (queryClient) => queryClient.prefetchQuery(options),
  };
}
