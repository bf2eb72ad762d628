// Every query the dashboard's charts make for a view, as the charts make them: for fetching before they render.
import type { ReferralsClient } from '../../../lib/api/client';
import { prefetchable, type PrefetchableQuery } from '../../../lib/api/queries';
import type { DashboardView } from '../../filters/dashboardView';
import { FUNNEL_FIELDS } from '../model/funnel';
import { statusBucketsQuery } from './statusBuckets';
import { breakdownQueries } from './useBreakdownBuckets';
import { stageCountQueries } from './useStageCounts';
import { winRateQueries } from './useWinRateBuckets';

export function chartQueries(client: ReferralsClient, view: DashboardView): PrefetchableQuery[] {
  const { filters, range, previousRange, granularity } = view;
  return [
    prefetchable(statusBucketsQuery(client, view)),
    ...stageCountQueries(client, FUNNEL_FIELDS, filters, range).map(prefetchable),
    ...winRateQueries(
      client,
      filters,
      { current: range, previous: previousRange },
      granularity,
    ).map(prefetchable),
    ...breakdownQueries(client, 'customerMarket', filters, range).map(prefetchable),
    ...breakdownQueries(client, 'customerOrgSize', filters, range).map(prefetchable),
  ];
}
