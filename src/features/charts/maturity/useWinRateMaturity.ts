// What the win rate chart needs to mark maturing buckets: lost referrals per bucket (for open counts and the decided
// win rate) and the time wins take (months from the bucket's date to the win, last 24 months, all referrals: one
// small cached query per date field, the same whatever the other filters).
import { keepPreviousData, useQueries, type UseQueryResult } from '@tanstack/react-query';
import type { ReferralsClient } from '../../../lib/api/client';
import { useReferralsClient } from '../../../lib/api/client-context';
import {
  allGroupedReferralsQuery,
  prefetchable,
  type PrefetchableQuery,
} from '../../../lib/api/queries';
import type { ReferralBucket } from '../../../lib/api/types';
import { and, compare, ne, printFilter } from '../../../lib/filter-grammar';
import type { AggregationLevel, DateField } from '../../../lib/referrals/schema';
import { addDaysToDay, type DashboardFilters, type DayRange } from '../../filters';
import { reachedFilter } from '../../filters/apiFilter';

/** How far back wins are looked at for the time they take. */
const HORIZON_LOOKBACK_DAYS = 730;

export function lostBucketsQuery(
  client: ReferralsClient,
  filters: DashboardFilters,
  range: DayRange,
  granularity: AggregationLevel,
) {
  return allGroupedReferralsQuery(client, {
    filter: reachedFilter(filters, range, 'lostDate'),
    groupby: [filters.dateField],
    aggregationLevel: granularity,
  });
}

/** Won referrals by month of `dateField` × month won; at most 25 × 25 buckets. */
export function timeToWinQuery(client: ReferralsClient, dateField: DateField, today: string) {
  return allGroupedReferralsQuery(client, {
    filter: printFilter(
      and(
        compare(dateField, 'ge', addDaysToDay(today, -HORIZON_LOOKBACK_DAYS)),
        ne('wonDate', null),
      ),
    ),
    groupby: [dateField, 'wonDate'],
    aggregationLevel: 'month',
  });
}

/** The queries useWinRateMaturity makes, for fetching before the chart renders. */
export function winRateMaturityQueries(
  client: ReferralsClient,
  filters: DashboardFilters,
  range: DayRange,
  granularity: AggregationLevel,
  today: string,
): PrefetchableQuery[] {
  const lost = prefetchable(lostBucketsQuery(client, filters, range, granularity));
  if (filters.dateField === 'wonDate') return [lost];
  return [lost, prefetchable(timeToWinQuery(client, filters.dateField, today))];
}

export interface WinRateMaturityData {
  lost: ReferralBucket[] | undefined;
  /** Undefined while loading; empty when the date field is the won date (nothing to mature). */
  timeToWin: ReferralBucket[] | undefined;
}

function combine([lost, timeToWin]: UseQueryResult<ReferralBucket[]>[]): WinRateMaturityData {
  return { lost: lost?.data, timeToWin: timeToWin?.data };
}

const NONE: ReferralBucket[] = [];

export function useWinRateMaturity(
  filters: DashboardFilters,
  range: DayRange,
  granularity: AggregationLevel,
  today: string,
): WinRateMaturityData {
  const client = useReferralsClient();
  const byWonDate = filters.dateField === 'wonDate';
  const data = useQueries({
    queries: [
      {
        ...lostBucketsQuery(client, filters, range, granularity),
        placeholderData: keepPreviousData,
      },
      { ...timeToWinQuery(client, filters.dateField, today), enabled: !byWonDate },
    ],
    combine,
  });
  return byWonDate ? { ...data, timeToWin: NONE } : data;
}
