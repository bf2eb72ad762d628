// One grouped query per multi-select: `groupby=<field>` under every other filter.
import { useQuery } from '@tanstack/react-query';
import { useReferralsClient } from '../../lib/api/client-context';
import { groupedReferralsQuery } from '../../lib/api/queries';
import { MAX_TOP } from '../../lib/referrals/schema';
import { apiFilterText } from './api-filter';
import { toChoices, type Choice } from './choices';
import type { DayRange } from './date-range';
import type { DashboardFilters, ListFilterField } from './filter-state';

export interface FilterChoices {
  choices: Choice[];
  isLoading: boolean;
  isError: boolean;
  refetch(): void;
}

export function useFilterChoices(
  field: ListFilterField,
  filters: DashboardFilters,
  range: DayRange,
  enabled: boolean,
): FilterChoices {
  const client = useReferralsClient();
  const filter = apiFilterText({ ...filters, [field]: [] }, range);
  const query = useQuery({
    ...groupedReferralsQuery(client, { filter, groupby: [field], top: MAX_TOP }),
    enabled,
  });
  return {
    choices: toChoices(field, query.data?.buckets, filters[field]),
    isLoading: query.isPending && enabled,
    isError: query.isError,
    refetch: () => void query.refetch(),
  };
}
