// MS-RequestId must stay the same when React Query retries a request, and change for a new
// fetch. React Query calls the queryFn afresh for each retry, so the ids of a fetch are kept per
// query and reused while the query's `fetchFailureCount` says this run is a retry.
import type { QueryFunctionContext } from '@tanstack/react-query';
import { newGuid } from './ids';
import type { RequestContext } from './types';

interface FetchIds {
  correlationId: string;
  /** One id per request the queryFn makes, in order. */
  requestIds: string[];
}

const idsByQuery = new WeakMap<object, FetchIds>();

/**
 * Returns a function giving the context of the queryFn's n-th request in this run: the query's
 * signal, the fetch's correlation id (the caller's when given: one per user action) and a request
 * id that is new for a new fetch and the same on a retry.
 */
export function requestContexts(
  { client, queryKey, signal }: QueryFunctionContext,
  correlationId?: string,
): () => RequestContext {
  const query = client.getQueryCache().find({ queryKey, exact: true });
  const isRetry = (query?.state.fetchFailureCount ?? 0) > 0;
  let ids = query === undefined ? undefined : idsByQuery.get(query);
  if (ids === undefined || !isRetry) {
    ids = { correlationId: correlationId ?? newGuid(), requestIds: [] };
    if (query !== undefined) idsByQuery.set(query, ids);
  }
  const fetchIds = ids;
  let index = 0;
  return () => {
    const requestId = fetchIds.requestIds[index] ?? newGuid();
    fetchIds.requestIds[index] = requestId;
    index += 1;
    return { signal, correlationId: fetchIds.correlationId, requestId };
  };
}
