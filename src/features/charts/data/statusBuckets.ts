// Referrals per status per time bucket, for the Referrals per status chart.
import type { ReferralsClient } from '../../../lib/api/client';
import { allGroupedReferralsQuery } from '../../../lib/api/queries';
import type { DashboardView } from '../../filters/dashboardView';

export function statusBucketsQuery(
  client: ReferralsClient,
  { filters, apiFilter, granularity }: Pick<DashboardView, 'filters' | 'apiFilter' | 'granularity'>,
) {
  return allGroupedReferralsQuery(client, {
    filter: apiFilter,
    groupby: ['status', filters.dateField],
    aggregationLevel: granularity,
  });
}
