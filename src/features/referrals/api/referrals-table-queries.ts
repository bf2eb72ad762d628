// The query behind the referrals table as a page at this address first shows it: for fetching before it renders.
import type { ReferralsClient } from '../../../lib/api/client';
import { prefetchable, type PrefetchableQuery } from '../../../lib/api/queries';
import { loadTableState } from '../table-url-state';
import { tablePageQuery } from './referrals-page';

/** `search`: the address's query string, whose table part (page, size) says which page of `filter`. */
export function referralsTableQueries(
  client: ReferralsClient,
  filter: string | undefined,
  search: string,
): PrefetchableQuery[] {
  const table = loadTableState(search);
  return [prefetchable(tablePageQuery(client, filter, table.page, table.size))];
}
