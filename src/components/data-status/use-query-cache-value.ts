import { useQueryClient, type Query } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';

/**
 * A value computed from every query in the cache, recomputed when the cache changes. `compute` must return a
 * primitive (or the same object for the same state), as useSyncExternalStore compares snapshots by identity.
 */
export function useQueryCacheValue<T>(compute: (queries: Query[]) => T): T {
  const cache = useQueryClient().getQueryCache();
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]);
  return useSyncExternalStore(subscribe, () => compute(cache.getAll()));
}
