import { QueryClient, type QueryPersister } from '@tanstack/react-query';
import { trackFetchStarts } from './fetch-clock';
import { retryDelayMs, shouldRetryRequest } from './retry';

/** Partner Center's analytics lag about a day: refetching more often than this gains nothing. */
export const ANALYTICS_STALE_TIME_MS = 5 * 60_000;

/** `persister` keeps answers across visits (src/lib/query-persistence); without one, nothing outlives the page. */
export function createQueryClient(persister?: QueryPersister): QueryClient {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: ANALYTICS_STALE_TIME_MS,
        gcTime: 30 * 60_000,
        retry: shouldRetryRequest,
        retryDelay: (failureCount, error) => retryDelayMs(failureCount, error),
        // Each refetch counts against Partner Center's rate limit; data changes daily.
        refetchOnWindowFocus: false,
        ...(persister !== undefined && { persister }),
      },
    },
  });
  trackFetchStarts(queryClient.getQueryCache());
  return queryClient;
}
