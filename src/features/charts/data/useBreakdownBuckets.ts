// Three grouped answers by one text field: every referral of the view, those accepted and those won. The win rate
// per value (won ÷ accepted) needs the stage dates, not the current status: a won referral was also accepted.
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useReferralsClient } from '../../../lib/api/client-context';
import { allGroupedReferralsQuery } from '../../../lib/api/queries';
import type { DayRange } from '../../filters/dateRange';
import type { DashboardFilters } from '../../filters/filterState';
import type { BreakdownInput } from '../model/breakdown';
import { stageFilter } from './useStageCounts';
import { combineQueries, type CombinedQueryState } from './queryState';

export function useBreakdownBuckets(
  field: 'customerMarket' | 'customerOrgSize',
  filters: DashboardFilters,
  range: DayRange,
): CombinedQueryState & { input: BreakdownInput | undefined } {
  const client = useReferralsClient();
  const stages = ['createdDate', 'acceptedDate', 'wonDate'] as const;
  const queries = useQueries({
    queries: stages.map((stage) => ({
      ...allGroupedReferralsQuery(client, {
        filter: stageFilter(filters, range, stage),
        groupby: [field],
      }),
      placeholderData: keepPreviousData,
    })),
  });
  const state = combineQueries(queries);
  const [total, accepted, won] = queries.map((q) => q.data);
  return {
    ...state,
    input: total && accepted && won ? { total, accepted, won } : undefined,
  };
}
