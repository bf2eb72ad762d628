// The queries behind the KPI tiles: counts per stage for the view and the previous period, and the rows the
// medians read (the first page of each; more pages follow once the first says how many there are).
import type { ReferralsClient } from '../../lib/api/client';
import { prefetchable, type PrefetchableQuery } from '../../lib/api/queries';
import { stageCountQueries } from '../charts/data/useStageCounts';
import { reachedFilter } from '../filters/apiFilter';
import type { DashboardView } from '../filters/dashboardView';
import type { DayRange } from '../filters/dateRange';
import type { DashboardFilters } from '../filters/filterState';
import { durationPageQuery } from './useDurationMedians';

/** The stages the count tiles need: total, accepted and won. */
export const KPI_STAGES = ['createdDate', 'acceptedDate', 'wonDate'] as const;

/** The referrals whose durations the median tiles read: those of the view that were accepted. */
export function medianFilter(filters: DashboardFilters, range: DayRange): string | undefined {
  return reachedFilter(filters, range, 'acceptedDate');
}

export function kpiQueries(client: ReferralsClient, view: DashboardView): PrefetchableQuery[] {
  const { filters, range, previousRange } = view;
  return [range, previousRange].flatMap((period) => [
    ...stageCountQueries(client, KPI_STAGES, filters, period).map(prefetchable),
    prefetchable(durationPageQuery(client, medianFilter(filters, period), 0)),
  ]);
}
