// Every query the dashboard makes as it first shows the address's view, from the same builders its components
// use: main.tsx fetches them while the dashboard's code loads and renders, so the data is on its way sooner.
import { hashKey } from '@tanstack/react-query';
import type { ReferralsClient } from '../../lib/api/client';
import type { PrefetchableQuery } from '../../lib/api/queries';
import { awaitingQueries } from '../awaiting/api/awaitingQuery';
import { chartQueries } from '../charts/data/chartQueries';
import { winRateMaturityQueries } from '../charts/maturity/useWinRateMaturity';
import { dashboardView } from '../filters/dashboardView';
import { utcToday } from '../filters/dateRange';
import { parseFilters } from '../filters/urlState';
import { kpiQueries } from '../kpis/kpiQueries';
import { referralsTableQueries } from '../referrals/referralsQueries';

/**
 * `search`: the dashboard address's query string; `now`: the clock the dashboard will read. Each query once,
 * though several components share some (the funnel's first stages are the count tiles' figures).
 */
export function dashboardQueries(
  client: ReferralsClient,
  search: string,
  now: Date,
): PrefetchableQuery[] {
  const { filters, granularity } = parseFilters(search);
  const today = utcToday(now);
  const view = dashboardView(filters, granularity, today);
  const queries = [
    ...kpiQueries(client, view),
    ...awaitingQueries(client, filters, now),
    ...chartQueries(client, view),
    ...winRateMaturityQueries(client, filters, view.range, view.granularity, today),
    ...referralsTableQueries(client, view.apiFilter, search),
  ];
  const seen = new Set<string>();
  return queries.filter((query) => {
    const key = hashKey(query.queryKey);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
