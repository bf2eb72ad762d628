// How many referrals in the view reached each funnel stage: one top=1 count per stage (`<stage> ne null`). The
// created stage is the view itself, the same query as the Total referrals tile, so the cache answers both.
import { keepPreviousData, useQueries, type UseQueryResult } from '@tanstack/react-query';
import type { ReferralsClient } from '../../../lib/api/client';
import { useReferralsClient } from '../../../lib/api/client-context';
import { distinctQueries, spreadingCombiner } from '../../../lib/api/distinct-queries';
import { referralsCountQuery } from '../../../lib/api/queries';
import { reachedFilter } from '../../filters/apiFilter';
import type { DayRange } from '../../filters/dateRange';
import type { DashboardFilters } from '../../filters/filterState';
import type { DateField } from '../../../lib/referrals/schema';
import { apiFilterText } from '../../filters/apiFilter';
import { combineQueries, type CombinedQueryState } from './queryState';

/** The filter counting referrals of the view that reached `stage` ('createdDate' is the whole view). */
export function stageFilter(filters: DashboardFilters, range: DayRange, stage: DateField) {
  return stage === 'createdDate'
    ? apiFilterText(filters, range)
    : reachedFilter(filters, range, stage);
}

/** One count query per stage, in the order of `fields`. */
export function stageCountQueries(
  client: ReferralsClient,
  fields: readonly DateField[],
  filters: DashboardFilters,
  range: DayRange,
) {
  return fields.map((field) => referralsCountQuery(client, stageFilter(filters, range, field)));
}

type StageCounts<F extends DateField> = CombinedQueryState & {
  counts: Record<F, number> | undefined;
};

/** The stages' counts by field name, once every count is in. */
function stageCounts<F extends DateField>(
  fields: readonly F[],
  results: UseQueryResult<number>[],
): StageCounts<F> {
  const state = combineQueries(results);
  const counts = state.ready
    ? (Object.fromEntries(
        fields.map((field, index) => [field, results[index]?.data ?? 0]),
      ) as Record<F, number>)
    : undefined;
  return { ...state, counts };
}

// Combined in React Query by one function per field list and layout of repeats, so the counts object
// changes only when a count does and the charts that draw it are not handed new data on every render.
const stageCombiners = new Map<string, (results: UseQueryResult<number>[]) => unknown>();

export function useStageCounts<F extends DateField>(
  fields: readonly F[],
  filters: DashboardFilters,
  range: DayRange,
): StageCounts<F> {
  const client = useReferralsClient();
  // A funnel cross-filter can make two stages one query: asked once (see distinct-queries.ts).
  const { queries, positions } = distinctQueries(stageCountQueries(client, fields, filters, range));
  const combine = spreadingCombiner(stageCombiners, fields.join(), positions, (results) =>
    stageCounts(fields, results),
  ) as (results: UseQueryResult<number>[]) => StageCounts<F>;
  return useQueries({
    queries: queries.map((query) => ({
      ...query,
      placeholderData: keepPreviousData,
    })),
    combine,
  });
}
