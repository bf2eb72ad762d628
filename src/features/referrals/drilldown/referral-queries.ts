// The drill-down's requests: the referral itself, and the list page it was opened from (previous and next step
// through it). The page's hooks and the route's loader build them here, so both ask for the same keys.
import type { QueryClient } from '@tanstack/react-query';
import type { ReferralsClient } from '../../../lib/api/client';
import {
  prefetchable,
  referralsKeys,
  referralsPageQuery,
  type PrefetchableQuery,
} from '../../../lib/api/queries';
import type { ReferralsPage } from '../../../lib/api/types';
import { eq, printFilter } from '../../../lib/filter-grammar';
import { dashboardViewAt } from '../../filters';
import { referralsTableQueries } from '../api/referrals-table-queries';

/** One referral, fetched with `filter=id eq '<id>'`. */
export function referralQuery(client: ReferralsClient, id: string) {
  return referralsPageQuery(client, { filter: printFilter(eq('id', id)), top: 1 });
}

/**
 * The referral's row as a page of rows the account already holds (the table's, the awaiting list's) gave it, with
 * when that page arrived; undefined when none holds it.
 */
function listedReferral(queryClient: QueryClient, id: string) {
  for (const query of queryClient
    .getQueryCache()
    .findAll({ queryKey: [...referralsKeys.all, 'page'] })) {
    const row = (query.state.data as ReferralsPage | undefined)?.rows.find((r) => r.id === id);
    if (row)
      return { page: { rows: [row], totalCount: 1, next: null }, at: query.state.dataUpdatedAt };
  }
  return undefined;
}

/**
 * The referral, from a list page already held when one has its row (opening a referral from the table, or stepping
 * to the next, then costs no request: Partner Center takes 20 to 120 s for one), else from the API. A row taken from
 * a list is as old as that list, and is asked for again like it once stale.
 */
function referralPrefetch(client: ReferralsClient, id: string): PrefetchableQuery {
  const options = referralQuery(client, id);
  return {
    queryKey: options.queryKey,
    async prefetch(queryClient) {
      const listed = queryClient.getQueryData(options.queryKey)
        ? undefined
        : listedReferral(queryClient, id);
      if (listed) queryClient.setQueryData(options.queryKey, listed.page, { updatedAt: listed.at });
      await prefetchable(options).prefetch(queryClient);
    },
  };
}

/** `search`: the drill-down's query string (the list's); `now`: the clock the page will read. */
export function drilldownQueries(
  client: ReferralsClient,
  id: string,
  search: string,
  now: Date,
): PrefetchableQuery[] {
  const { apiFilter } = dashboardViewAt(search, now);
  return [referralPrefetch(client, id), ...referralsTableQueries(client, apiFilter, search)];
}
