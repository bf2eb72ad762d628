// useQueries warns "Duplicate Queries found" (and gives both places one observer) when a list names
// the same query twice. Dashboard lists can: a funnel cross-filter ("reached accepted") makes the
// accepted stage's filter the view's own, so the created and accepted stages are one query.
import { hashKey, type QueryKey } from '@tanstack/react-query';

export interface DistinctQueries<Q> {
  /** Each query once, in order of first mention. */
  queries: Q[];
  /** For each query asked for, its place in `queries`. */
  positions: number[];
}

export function distinctQueries<Q extends { queryKey: QueryKey }>(
  queries: readonly Q[],
): DistinctQueries<Q> {
  const unique: Q[] = [];
  const seen = new Map<string, number>();
  const positions = queries.map((query) => {
    const hash = hashKey(query.queryKey);
    let at = seen.get(hash);
    if (at === undefined) {
      at = unique.length;
      seen.set(hash, at);
      unique.push(query);
    }
    return at;
  });
  return { queries: unique, positions };
}

/** The answers of the distinct queries, one per query asked for, in the order asked. */
export function spreadResults<R>(results: readonly R[], positions: readonly number[]): R[] {
  return positions.map((at) => {
    const result = results[at];
    if (result === undefined) throw new Error(`No result at ${at}`);
    return result;
  });
}

/**
 * One `combine` per layout of repeats, kept for the page's life (there are a handful), so React
 * Query sees the same function on every render and re-runs it only when a result changes.
 */
export function spreadingCombiner<R, T>(
  cache: Map<string, (results: R[]) => T>,
  key: string,
  positions: readonly number[],
  combine: (results: R[]) => T,
): (results: R[]) => T {
  const cacheKey = `${key}|${positions.join()}`;
  let combiner = cache.get(cacheKey);
  if (combiner === undefined) {
    combiner = (results) => combine(spreadResults(results, positions));
    cache.set(cacheKey, combiner);
  }
  return combiner;
}
