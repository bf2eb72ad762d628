// The query behind the referrals table as a page at this address first shows it: for fetching before it renders.
import type { ReferralsClient } from '../../lib/api/client';
import { prefetchable, type PrefetchableQuery } from '../../lib/api/queries';
import { tableFilter } from './tableQuery';
import { loadTableState } from './tableUrlState';
import { tablePageQuery } from './useReferralsPage';

/** `search`: the address's query string, whose table part (page, size, typed filter) says which page. */
export function referralsTableQueries(
  client: ReferralsClient,
  barFilter: string | undefined,
  search: string,
): PrefetchableQuery[] {
  const table = loadTableState(search);
  const filter = tableFilter(barFilter, table.expr);
  // An invalid typed filter is never sent: the table explains it instead.
  if (!filter.ok) return [];
  return [prefetchable(tablePageQuery(client, filter.value, table.page, table.size))];
}
