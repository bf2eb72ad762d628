import { QueryClient } from '@tanstack/react-query';
import { retryDelayMs, shouldRetryRequest } from './retry';

/** Partner Center's analytics lag about a day: refetching more often than this gains nothing. */
export const ANALYTICS_STALE_TIME_MS = 5 * 60_000;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: ANALYTICS_STALE_TIME_MS,
        gcTime: 30 * 60_000,
        retry: shouldRetryRequest,
        retryDelay: (failureCount, error) => retryDelayMs(failureCount, error),
        // Each refetch counts against Partner Center's rate limit; data changes daily.
        refetchOnWindowFocus: false,
      },
    },
  });
}
