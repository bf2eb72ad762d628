import { MAX_TOP } from '../../../lib/referrals/schema';

/** Where an export stands: the rows so far and the `skip` of the next page to fetch. */
export interface ExportCheckpoint<T> {
  rows: readonly T[];
  nextSkip: number;
  /** TotalCount from the latest page, or null when the API did not say. */
  totalCount: number | null;
}

export interface ExportPage<T> {
  rows: readonly T[];
  totalCount: number | null;
}

export type FetchExportPage<T> = (
  request: { skip: number; top: number },
  signal: AbortSignal,
) => Promise<ExportPage<T>>;

export interface ExportProgress {
  fetched: number;
  totalCount: number | null;
}

/** React Query's retry contract, so the app's one retry policy can be passed straight in. */
export type ShouldRetry = (failureCount: number, error: unknown) => boolean;
export type RetryDelay = (failureCount: number, error: unknown) => number;

export interface ExportOptions<T> {
  pageSize?: number;
  signal?: AbortSignal;
  /** Continue an interrupted export from its checkpoint. */
  startFrom?: ExportCheckpoint<T>;
  onProgress?: (progress: ExportProgress) => void;
  /** Called before waiting to retry a failed page, so the UI can say why it pauses. */
  onRetry?: (error: unknown, delayMs: number) => void;
  retry?: ShouldRetry;
  retryDelay?: RetryDelay;
  /**
   * Pages in flight at once once TotalCount is known (default 1). Pages are still added in order:
   * a later page that arrives first waits, and is dropped if an earlier one fails for good.
   */
  concurrency?: number;
  /** Identity of a row: rows seen twice (new referrals shift skip-based pages) are kept once. */
  rowKey?: (row: T) => string;
  /** Injected for tests; waits `ms` or rejects when `signal` aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export type ExportOutcome<T> =
  | { status: 'complete'; rows: T[]; totalCount: number }
  | { status: 'cancelled'; checkpoint: ExportCheckpoint<T> }
  | { status: 'failed'; checkpoint: ExportCheckpoint<T>; error: unknown };

/**
 * Fetches every row of a result, page after page with `top` and `skip`, retrying a failing page
 * by the given policy. Never throws: a lasting failure or a cancel returns a checkpoint holding
 * everything fetched so far, from which the export can resume or be saved as it is.
 */
export async function exportAllRows<T>(
  fetchPage: FetchExportPage<T>,
  options: ExportOptions<T> = {},
): Promise<ExportOutcome<T>> {
  const {
    pageSize = MAX_TOP,
    startFrom,
    onProgress,
    onRetry,
    retry = () => false,
    retryDelay = () => 0,
    rowKey,
    concurrency = 1,
    sleep = abortableSleep,
  } = options;
  const signal = options.signal ?? new AbortController().signal;
  // Aborts pages fetched ahead when the export ends early (failure, cancel, last page reached).
  const ahead = new AbortController();
  const stopAhead = () => ahead.abort();
  signal.addEventListener('abort', stopAhead, { once: true });
  const rows: T[] = startFrom ? [...startFrom.rows] : [];
  const isNew = rowKey ? firstSighting(rowKey, rows) : () => true;
  let skip = startFrom?.nextSkip ?? 0;
  let totalCount = startFrom?.totalCount ?? null;
  const checkpoint = (): ExportCheckpoint<T> => ({
    rows: rows.slice(),
    nextSkip: skip,
    totalCount,
  });

  onProgress?.({ fetched: rows.length, totalCount });
  try {
    return await fetchAll();
  } finally {
    stopAhead();
    signal.removeEventListener('abort', stopAhead);
  }

  async function fetchAll(): Promise<ExportOutcome<T>> {
    const queue: Array<Promise<ExportPage<T>>> = [];
    let scheduledSkip = skip;
    for (;;) {
      if (signal.aborted) return { status: 'cancelled', checkpoint: checkpoint() };
      // Without TotalCount the end is unknown, so only one page is asked for at a time.
      const width = totalCount === null ? 1 : Math.max(1, concurrency);
      while (queue.length < width && (queue.length === 0 || scheduledSkip < (totalCount ?? 0))) {
        const request = { skip: scheduledSkip, top: pageSize };
        const pending = fetchWithRetry(() => fetchPage(request, ahead.signal));
        // Awaited in order below; this only keeps a page failing while waiting from being reported
        // as unhandled.
        pending.catch(() => {});
        queue.push(pending);
        scheduledSkip += pageSize;
      }
      let page: ExportPage<T>;
      try {
        page = await queue.shift()!;
      } catch (error) {
        if (signal.aborted) return { status: 'cancelled', checkpoint: checkpoint() };
        return { status: 'failed', checkpoint: checkpoint(), error };
      }
      for (const row of page.rows) if (isNew(row)) rows.push(row);
      skip += page.rows.length;
      totalCount = page.totalCount ?? totalCount;
      onProgress?.({ fetched: rows.length, totalCount });
      const lastPage = page.rows.length < pageSize || (totalCount !== null && skip >= totalCount);
      if (lastPage) return { status: 'complete', rows, totalCount: totalCount ?? rows.length };
    }
  }

  async function fetchWithRetry(attempt: () => Promise<ExportPage<T>>): Promise<ExportPage<T>> {
    for (let failureCount = 0; ; failureCount += 1) {
      try {
        return await attempt();
      } catch (error) {
        if (ahead.signal.aborted || !retry(failureCount, error)) throw error;
        const delayMs = retryDelay(failureCount, error);
        onRetry?.(error, delayMs);
        await sleep(delayMs, ahead.signal);
      }
    }
  }
}

/** A predicate that is true the first time it meets a row's key (rows already held count as met). */
function firstSighting<T>(rowKey: (row: T) => string, held: readonly T[]): (row: T) => boolean {
  const seen = new Set(held.map(rowKey));
  return (row) => {
    const key = rowKey(row);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
