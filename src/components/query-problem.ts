import type { UseQueryResult } from '@tanstack/react-query';
import type { ErrorPanelProps } from './error-panel';

/**
 * ErrorPanel's props for a query that failed, or that is retrying after a failure (a 429 shows
 * its countdown); null when there is nothing to show. `<ErrorPanel {...problem} />`.
 */
export function queryProblem(
  query: Pick<UseQueryResult, 'error' | 'failureReason' | 'isFetching' | 'refetch'>,
): ErrorPanelProps | null {
  const onRetry = () => void query.refetch();
  if (query.isFetching && query.failureReason !== null) {
    return { error: query.failureReason, retrying: true, onRetry };
  }
  if (query.error !== null && !query.isFetching) return { error: query.error, onRetry };
  return null;
}
