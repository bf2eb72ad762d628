// The queries behind the KPI tiles: counts per stage for the view and the previous period, and the joint date
// buckets the medians read.
import type { ReferralsClient } from '../../lib/api/client';
import { prefetchable, type PrefetchableQuery } from '../../lib/api/queries';
import { stageCountQueries } from '../charts/data/useStageCounts';
import type { DashboardView } from '../filters/dashboardView';
import { durationBucketsQuery } from './api/durationMedians';

/** The stages the count tiles need: total, accepted and won. */
export const KPI_STAGES = ['createdDate', 'acceptedDate', 'wonDate'] as const;

export function kpiQueries(client: ReferralsClient, view: DashboardView): PrefetchableQuery[] {
  const { filters, range, previousRange } = view;
  return [range, previousRange].flatMap((period) => [
    ...stageCountQueries(client, KPI_STAGES, filters, period).map(prefetchable),
    prefetchable(durationBucketsQuery(client, 'toAccept', filters, period)),
    prefetchable(durationBucketsQuery(client, 'toWin', filters, period)),
  ]);
}
