// When each query's fetch began: a query's state says whether it is fetching, not since when. Kept from the
// cache's events from the moment the client exists, so the fetches main.tsx starts before the first render count
// too. Read by the slow-answer notice.
import type { Query, QueryCache } from '@tanstack/react-query';

const startedAt = new WeakMap<Query, number>();

/** Starts keeping the fetch start times of `cache`'s queries; returns the function that stops it. */
export function trackFetchStarts(cache: QueryCache, now: () => number = Date.now): () => void {
  return cache.subscribe((event) => {
    if (event.type !== 'updated' && event.type !== 'added') return;
    const { query } = event;
    if (query.state.fetchStatus === 'idle') startedAt.delete(query);
    else if (!startedAt.has(query)) startedAt.set(query, now());
  });
}

/** When the query's current fetch began (retries included), or undefined when it is not fetching. */
export function fetchStartedAt(query: Query): number | undefined {
  return query.state.fetchStatus === 'idle' ? undefined : startedAt.get(query);
}
