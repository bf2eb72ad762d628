// Three grouped answers by one text field: every referral of the view, those accepted and those won. The win rate
// per value (won ÷ accepted) needs the stage dates, not the current status: a won referral was also accepted.
import { keepPreviousData, useQueries, type UseQueryResult } from '@tanstack/react-query';
import type { ReferralsClient } from '../../../lib/api/client';
import { useReferralsClient } from '../../../lib/api/client-context';
import { distinctQueries, spreadingCombiner } from '../../../lib/api/distinct-queries';
import { allGroupedReferralsQuery } from '../../../lib/api/queries';
import type { DayRange } from '../../filters/dateRange';
import type { DashboardFilters } from '../../filters/filterState';
import type { ReferralBucket } from '../../../lib/api/types';
import type { BreakdownInput } from '../model/breakdown';
import { stageFilter } from './useStageCounts';
import { combineQueries, type CombinedQueryState } from './queryState';

type BreakdownBuckets = CombinedQueryState & { input: BreakdownInput | undefined };

const STAGES = ['createdDate', 'acceptedDate', 'wonDate'] as const;

/** Module-level, so React Query re-runs it only when a result changes and the input keeps its identity. */
function combineBreakdown(queries: UseQueryResult<ReferralBucket[]>[]): BreakdownBuckets {
  const [total, accepted, won] = queries.map((q) => q.data);
  return {
    ...combineQueries(queries),
    input: total && accepted && won ? { total, accepted, won } : undefined,
  };
}

export type BreakdownField = 'customerMarket' | 'customerOrgSize';

/** Every referral of the view, those accepted and those won, grouped by `field`, in that order. */
export function breakdownQueries(
  client: ReferralsClient,
  field: BreakdownField,
  filters: DashboardFilters,
  range: DayRange,
) {
  return STAGES.map((stage) =>
    allGroupedReferralsQuery(client, {
      filter: stageFilter(filters, range, stage),
      groupby: [field],
    }),
  );
}

const breakdownCombiners = new Map<
  string,
  (queries: UseQueryResult<ReferralBucket[]>[]) => BreakdownBuckets
>();

export function useBreakdownBuckets(
  field: BreakdownField,
  filters: DashboardFilters,
  range: DayRange,
): BreakdownBuckets {
  const client = useReferralsClient();
  // A funnel cross-filter can make two stages one query: asked once (see distinct-queries.ts).
  const { queries, positions } = distinctQueries(breakdownQueries(client, field, filters, range));
  return useQueries({
    queries: queries.map((query) => ({
      ...query,
      placeholderData: keepPreviousData,
    })),
    combine: spreadingCombiner(breakdownCombiners, '', positions, combineBreakdown),
  });
}
