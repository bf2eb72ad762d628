// The page's data: one grouped query per stage, created date × stage date per day (or week, see precision.ts),
// acknowledge also per customer market. A few thousand buckets instead of every referral's row.
import { useQueries, keepPreviousData, type UseQueryResult } from '@tanstack/react-query';
import type { ReferralsClient } from '../../../lib/api/client';
import { useReferralsClient } from '../../../lib/api/client-context';
import {
  allGroupedReferralsQuery,
  prefetchable,
  type PrefetchableQuery,
} from '../../../lib/api/queries';
import type { ReferralBucket } from '../../../lib/api/types';
import type { ReferralField } from '../../../lib/referrals/schema';
import {
  apiFilterText,
  dashboardViewAt,
  type DashboardFilters,
  type DayRange,
} from '../../filters';
import { precisionFor, type Precision } from '../model/precision';
import type { StageBuckets } from '../model/response-times';
import { STAGES } from '../model/stages';

/** Cohorts are by created date whatever date the filter bar's range applies to. */
export function cohortFilter(filters: DashboardFilters, range: DayRange): string | undefined {
  return apiFilterText({ ...filters, dateField: 'createdDate' }, range);
}

/** One query per stage, in STAGES order. */
export function responseTimesQueries(
  client: ReferralsClient,
  filters: DashboardFilters,
  range: DayRange,
  precision: Precision,
) {
  const filter = cohortFilter(filters, range);
  return STAGES.map((stage) => {
    const groupby: ReferralField[] =
      stage.key === 'acknowledge'
        ? ['customerMarket', 'createdDate', stage.field]
        : ['createdDate', stage.field];
    return allGroupedReferralsQuery(client, { filter, groupby, aggregationLevel: precision });
  });
}

/** The page's queries for the view at an address (`search`), as its hooks will ask: for the route's loader. */
export function responseTimesQueriesAt(
  client: ReferralsClient,
  search: string,
  now: Date,
): PrefetchableQuery[] {
  const { filters, range } = dashboardViewAt(search, now);
  return responseTimesQueries(client, filters, range, precisionFor(range)).map((options) =>
    prefetchable(options),
  );
}

export interface ResponseTimesData {
  buckets: StageBuckets | undefined;
  queries: UseQueryResult<ReferralBucket[]>[];
}

function combine(queries: UseQueryResult<ReferralBucket[]>[]): ResponseTimesData {
  const [acknowledge, accept, win] = queries.map((q) => q.data);
  return {
    buckets: acknowledge && accept && win ? { acknowledge, accept, win } : undefined,
    queries,
  };
}

export function useResponseTimesBuckets(
  filters: DashboardFilters,
  range: DayRange,
  precision: Precision,
): ResponseTimesData {
  const client = useReferralsClient();
  return useQueries({
    queries: responseTimesQueries(client, filters, range, precision).map((query) => ({
      ...query,
      placeholderData: keepPreviousData,
    })),
    combine,
  });
}
