// The hooks every figure of the dashboard reads its data through: the plan of the view on screen, and its queries
// with the same options the loader prefetched them with.
import { keepPreviousData, useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useReferralsClient } from '../../../lib/api/client-context';
import type { ReferralBucket } from '../../../lib/api/types';
import { useNow } from '../../filters/clock';
import { utcToday } from '../../filters/dateRange';
import type { DashboardFilterState } from '../../filters/useDashboardFilters';
import { bucketsOptions, countOptions, dashboardPlan, type DashboardPlan } from './plan';
import type { BucketsQuery, CountQuery, PlanView } from './viewQueries';

export type PlanState = Pick<
  DashboardFilterState,
  'filters' | 'range' | 'previousRange' | 'granularity'
>;

/** The view as the plan sees it: the filter bar's view and today. */
export function usePlanView({ filters, range, previousRange, granularity }: PlanState): PlanView {
  const today = utcToday(useNow());
  return useMemo(
    () => ({ filters, range, previousRange, granularity, today }),
    [filters, range, previousRange, granularity, today],
  );
}

export function useDashboardPlan(state: PlanState): DashboardPlan {
  const view = usePlanView(state);
  return useMemo(() => dashboardPlan(view), [view]);
}

/**
 * Each distinct query once (a figure may name the same query twice, e.g. a stage count when the view already keeps
 * only that stage), and `combine` given one result per query named, in order.
 */
function useDistinct<Q, R, T>(
  queries: readonly Q[],
  combine: (results: UseQueryResult<T>[]) => R,
): { distinct: Q[]; combineAll: (results: UseQueryResult<T>[]) => R } {
  const keys = queries.map((query) => JSON.stringify(query));
  const distinctKeys = [...new Set(keys)];
  const positions = keys.map((key) => distinctKeys.indexOf(key)).join(',');
  const distinct = distinctKeys.map((key) => queries[keys.indexOf(key)] as Q);
  const combineAll = useCallback(
    (results: UseQueryResult<T>[]) =>
      combine(
        positions === ''
          ? []
          : positions.split(',').map((index) => results[Number(index)] as UseQueryResult<T>),
      ),
    [combine, positions],
  );
  return { distinct, combineAll };
}

/**
 * Every bucket of each query, the previous answer kept up while a new one loads. `combine` must be stable (module
 * level or memoised), so React Query re-runs it only when a result changes.
 */
export function useBucketQueries<R>(
  queries: readonly BucketsQuery[],
  combine: (results: UseQueryResult<ReferralBucket[]>[]) => R,
): R {
  const client = useReferralsClient();
  const { distinct, combineAll } = useDistinct(queries, combine);
  return useQueries({
    queries: distinct.map((query) => ({
      ...bucketsOptions(client, query),
      placeholderData: keepPreviousData,
    })),
    combine: combineAll,
  });
}

export function useCountQueries<R>(
  queries: readonly CountQuery[],
  combine: (results: UseQueryResult<number>[]) => R,
): R {
  const client = useReferralsClient();
  const { distinct, combineAll } = useDistinct(queries, combine);
  return useQueries({
    queries: distinct.map((query) => ({
      ...countOptions(client, query),
      placeholderData: keepPreviousData,
    })),
    combine: combineAll,
  });
}
