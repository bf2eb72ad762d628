// Accepted and won referrals per time bucket, for the view's range and the period of the same length before it.
import { keepPreviousData, useQueries, type UseQueryResult } from '@tanstack/react-query';
import type { ReferralsClient } from '../../../lib/api/client';
import { useReferralsClient } from '../../../lib/api/client-context';
import { allGroupedReferralsQuery } from '../../../lib/api/queries';
import type { AggregationLevel } from '../../../lib/referrals/schema';
import type { DayRange } from '../../filters/dateRange';
import type { DashboardFilters } from '../../filters/filterState';
import type { ReferralBucket } from '../../../lib/api/types';
import type { WinRateInput } from '../model/winRateSeries';
import { combineQueries, type CombinedQueryState } from './queryState';
import { stageFilter } from './useStageCounts';

type WinRateBuckets = CombinedQueryState & {
  current: WinRateInput | undefined;
  previous: WinRateInput | undefined;
};

/** Module-level, so React Query re-runs it only when a result changes and the inputs keep their identity. */
function combineWinRate(queries: UseQueryResult<ReferralBucket[]>[]): WinRateBuckets {
  const [accepted, won, previousAccepted, previousWon] = queries.map((q) => q.data);
  // The previous period only adds a comparison line: the chart is drawn without waiting for it (but stays busy
  // until it is in), and does not fail with it.
  const state = combineQueries(queries.slice(0, 2));
  const previousState = combineQueries(queries.slice(2));
  return {
    ...state,
    updating: state.updating || !previousState.ready || previousState.updating,
    problem: state.problem ?? previousState.problem,
    current: accepted && won ? { accepted, won } : undefined,
    previous:
      previousAccepted && previousWon
        ? { accepted: previousAccepted, won: previousWon }
        : undefined,
  };
}

/** This period's and the previous period's accepted and won referrals per bucket, in that order. */
export function winRateQueries(
  client: ReferralsClient,
  filters: DashboardFilters,
  ranges: { current: DayRange; previous: DayRange },
  granularity: AggregationLevel,
) {
  const parts = [
    [ranges.current, 'acceptedDate'],
    [ranges.current, 'wonDate'],
    [ranges.previous, 'acceptedDate'],
    [ranges.previous, 'wonDate'],
  ] as const;
  return parts.map(([range, stage]) =>
    allGroupedReferralsQuery(client, {
      filter: stageFilter(filters, range, stage),
      groupby: [filters.dateField],
      aggregationLevel: granularity,
    }),
  );
}

export function useWinRateBuckets(
  filters: DashboardFilters,
  ranges: { current: DayRange; previous: DayRange },
  granularity: AggregationLevel,
): WinRateBuckets {
  const client = useReferralsClient();
  return useQueries({
    queries: winRateQueries(client, filters, ranges, granularity).map((query) => ({
      ...query,
      placeholderData: keepPreviousData,
    })),
    combine: combineWinRate,
  });
}
