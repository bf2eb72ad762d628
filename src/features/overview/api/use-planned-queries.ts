// The hooks every figure of the dashboard reads its data through: the view on screen as its query builder sees it,
// and its planned queries with the same options the loader prefetched them with.
import { keepPreviousData, useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useReferralsClient } from '../../../lib/api/client-context';
import type { ReferralBucket } from '../../../lib/api/types';
import { useNow, type DashboardFilterState } from '../../filters';
import { utcToday } from '../../../lib/dates/days';
import type { PlanView } from './plan-view';
import {
  bucketsOf,
  bucketsOptions,
  countOptions,
  requestKey,
  type BucketsQuery,
  type CountQuery,
  type PlannedQuery,
} from './planned-query';

export type PlanState = Pick<
  DashboardFilterState,
  'filters' | 'range' | 'comparison' | 'granularity'
>;

/** The view as the plan sees it: the filter bar's view and today. */
function usePlanView({ filters, range, comparison, granularity }: PlanState): PlanView {
  const today = utcToday(useNow());
  return useMemo(
    () => ({ filters, range, comparison, granularity, today }),
    [filters, range, comparison, granularity, today],
  );
}

/**
 * A figure's queries for the view on screen (`build` is module level). They keep their identity while they are the
 * same queries: a granularity change is a new view but, on short ranges, asks nothing new, and the figures' own
 * memos (the medians over the outcome buckets) then have nothing to redo.
 */
export function usePlanned<T>(state: PlanState, build: (view: PlanView) => T): T {
  const view = usePlanView(state);
  const built = useMemo(() => build(view), [build, view]);
  // Compared by value once per new view, not on every render.
  const same = useMemo(() => JSON.stringify(built), [built]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `same` stands for `built`
  return useMemo(() => built, [same]);
}

/**
 * Each distinct request once (a figure may name the same query twice, e.g. a stage count when the view already
 * keeps only that stage, or two slices of one request), and `combine` given one result per query named, in order,
 * each passed through `read` (a slice's buckets).
 */
function useDistinct<Q extends PlannedQuery, R, T>(
  queries: readonly Q[],
  combine: (results: UseQueryResult<T>[]) => R,
  read: (query: Q, result: UseQueryResult<T>) => UseQueryResult<T> = (_, result) => result,
): { distinct: Q[]; combineAll: (results: UseQueryResult<T>[]) => R } {
  const keys = queries.map(requestKey);
  const distinctKeys = [...new Set(keys)];
  const distinct = distinctKeys.map((key) => queries[keys.indexOf(key)] as Q);
  // Stable while the queries are: React Query re-runs `combineAll` only when it or a result changes.
  const named = JSON.stringify(queries);
  const combineAll = useCallback(
    (results: UseQueryResult<T>[]) => {
      const planned = JSON.parse(named) as Q[];
      return combine(
        planned.map((query, index) =>
          read(query, results[distinctKeys.indexOf(keys[index] as string)] as UseQueryResult<T>),
        ),
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `named` stands for `queries`, `keys` and `distinctKeys`
    [combine, named, read],
  );
  return { distinct, combineAll };
}

/** A slice's buckets of a result; the whole result when the query has no slice. */
function readSlice(
  query: BucketsQuery,
  result: UseQueryResult<ReferralBucket[]>,
): UseQueryResult<ReferralBucket[]> {
  if (!query.slice || result.data === undefined) return result;
  return { ...result, data: [...bucketsOf(query, result.data)] } as UseQueryResult<
    ReferralBucket[]
  >;
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
  const { distinct, combineAll } = useDistinct(queries, combine, readSlice);
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
