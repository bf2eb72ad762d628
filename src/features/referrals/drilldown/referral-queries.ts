// The drill-down's requests: the referral itself, and the list page it was opened from (previous and next step
// through it). The page's hooks and the route's loader build them here, so both ask for the same keys.
import type { ReferralsClient } from '../../../lib/api/client';
import { prefetchable, referralsPageQuery, type PrefetchableQuery } from '../../../lib/api/queries';
import { eq, printFilter } from '../../../lib/filter-grammar';
import { dashboardViewAt } from '../../filters';
import { referralsTableQueries } from '../api/referrals-table-queries';

/** One referral, fetched with `filter=id eq '<id>'`. */
export function referralQuery(client: ReferralsClient, id: string) {
  return referralsPageQuery(client, { filter: printFilter(eq('id', id)), top: 1 });
}

/** `search`: the drill-down's query string (the list's); `now`: the clock the page will read. */
export function drilldownQueries(
  client: ReferralsClient,
  id: string,
  search: string,
  now: Date,
): PrefetchableQuery[] {
  const { apiFilter } = dashboardViewAt(search, now);
  return [
    prefetchable(referralQuery(client, id)),
    ...referralsTableQueries(client, apiFilter, search),
  ];
}
