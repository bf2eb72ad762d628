// One state for a chart fed by several queries: it has data when all of them have, and one error panel that
// retries whichever failed.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ErrorPanelProps } from '../../../components/error-panel';
import { queryProblem } from '../../../components/query-problem';

export interface CombinedQueryState {
  /** Every query has data (perhaps the previous filters' while new data loads). */
  ready: boolean;
  /** Some query is fetching newer data while older data is shown. */
  updating: boolean;
  /** The first failing query's problem, retrying every failed query. */
  problem: ErrorPanelProps | null;
}

type QueryLike = Pick<
  UseQueryResult,
  'data' | 'error' | 'failureReason' | 'isFetching' | 'isPlaceholderData' | 'refetch'
>;

export function combineQueries(queries: readonly QueryLike[]): CombinedQueryState {
  const failing = queries.filter((q) => queryProblem(q) !== null);
  const first = failing[0];
  const firstProblem = first ? queryProblem(first) : null;
  const problem =
    firstProblem === null
      ? null
      : {
          ...firstProblem,
          onRetry: () => {
            for (const query of failing) void query.refetch();
          },
        };
  return {
    ready: queries.every((q) => q.data !== undefined),
    updating: queries.some((q) => q.isPlaceholderData || (q.isFetching && q.data !== undefined)),
    problem,
  };
}
