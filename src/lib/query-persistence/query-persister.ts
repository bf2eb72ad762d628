// Query answers kept across reloads and visits, per query, with TanStack Query's per-query persister
// (experimental_createQueryPersister): a query's answer is written when its fetch succeeds, so errors, cancelled and
// in-flight fetches never are, and one answer's write never rewrites the others (the whole-client persister would
// write the whole cache, up to megabytes of table pages, on every change). It wraps the query function, so the
// scheduler, retries and query keys stay as they are: nothing here knows which queries a page makes.
import {
  experimental_createQueryPersister,
  type AsyncStorage,
  type PersistedQuery,
} from '@tanstack/query-persist-client-core';
import type { QueryClient, QueryPersister } from '@tanstack/react-query';

/** Older answers are dropped: a day is how much Partner Center's analytics lag anyway. */
export const PERSISTED_MAX_AGE_MS = 24 * 60 * 60_000;

/**
 * Kept: grouped answers (what the charts and tiles read) and table pages of up to 1,000 rows (the table's default is
 * 50). Not kept: 10,000-row pages (a table set to its largest page, rows a figure reads to compute from), several
 * megabytes each to write on every refresh and to read before every first paint; they are fetched again instead.
 */
export const MAX_PERSISTED_ROWS = 1000;

/** The longest a reload waits for the kept answers: a disk that does not answer must not hold the page. */
export const RESTORE_TIME_LIMIT_MS = 2_000;

export interface QueryPersistence {
  /** The query client's `persister` option. */
  persisterFn: QueryPersister;
  /**
   * Puts every kept answer of the account into the client at once, so a reload paints before any request
   * answers. Only into a client that has fetched nothing yet: a kept answer would replace a newer one. Gives up
   * after RESTORE_TIME_LIMIT_MS; answers read later are left out (the page's requests may have answered by then).
   */
  restore(queryClient: QueryClient): Promise<void>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function rowCount(data: unknown): number {
  return isRecord(data) && Array.isArray(data.rows) ? data.rows.length : 0;
}

/** What is written: the answer and when it was fetched, without the fetch's own bookkeeping. */
function serialize(persisted: PersistedQuery): PersistedQuery {
  return {
    ...persisted,
    state: {
      ...persisted.state,
      error: null,
      fetchFailureReason: null,
      fetchMeta: null,
      fetchStatus: 'idle',
    },
  };
}

/** An entry of another shape (another version, a damaged write) is refused, and the persister removes it. */
function deserialize(stored: unknown): PersistedQuery {
  if (
    isRecord(stored) &&
    typeof stored.buster === 'string' &&
    typeof stored.queryHash === 'string' &&
    Array.isArray(stored.queryKey) &&
    isRecord(stored.state) &&
    typeof stored.state.dataUpdatedAt === 'number' &&
    stored.state.status === 'success' &&
    stored.state.data !== undefined
  ) {
    return stored as unknown as PersistedQuery;
  }
  throw new Error('Not a persisted query of this app');
}

/**
 * Writes only what is worth keeping (a query whose answer grew too large loses its older entry too), and lists
 * nothing once the restore was given up on.
 */
function keepingSmallAnswers(
  storage: AsyncStorage<PersistedQuery>,
  restoreAbandoned: () => boolean,
): AsyncStorage<PersistedQuery> {
  const { entries } = storage;
  return {
    ...storage,
    ...(entries !== undefined && {
      entries: async () => {
        const all = await entries();
        return restoreAbandoned() ? [] : all;
      },
    }),
    setItem: (key, value) =>
      rowCount(value.state.data) > MAX_PERSISTED_ROWS
        ? storage.removeItem(key)
        : storage.setItem(key, value),
  };
}

/**
 * `buster` is the build's id: entries written by another build are dropped, never read with this build's idea of
 * their shape. `storage` is one account's (see account-storage.ts), or null where nothing can be kept.
 */
export function createQueryPersistence({
  storage,
  buster,
}: {
  storage: AsyncStorage<PersistedQuery> | null;
  buster: string;
}): QueryPersistence {
  let restoreAbandoned = false;
  const persister = experimental_createQueryPersister<PersistedQuery>({
    storage: storage === null ? null : keepingSmallAnswers(storage, () => restoreAbandoned),
    buster,
    maxAge: PERSISTED_MAX_AGE_MS,
    serialize,
    deserialize,
    prefix: 'query',
  });
  return {
    persisterFn: persister.persisterFn,
    async restore(queryClient) {
      if (storage === null) return;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeLimit = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          restoreAbandoned = true;
          resolve();
        }, RESTORE_TIME_LIMIT_MS);
      });
      // A cache that cannot be read is no reason not to start: the page asks Partner Center instead.
      const restoring = persister.restoreQueries(queryClient).catch(() => undefined);
      await Promise.race([restoring, timeLimit]);
      clearTimeout(timer);
    },
  };
}
