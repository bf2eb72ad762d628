import { describe, expect, it, vi } from 'vitest';
import { exportAllRows, type ExportPage, type FetchExportPage } from './export-all-rows';

class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

const numbers = (count: number) => Array.from({ length: count }, (_, index) => index);

/** A fake API over `data` that records every request. */
function fakeApi(data: number[], { withTotal = true } = {}) {
  const requests: Array<{ skip: number; top: number }> = [];
  const fetchPage: FetchExportPage<number> = async ({ skip, top }) => {
    requests.push({ skip, top });
    return { rows: data.slice(skip, skip + top), totalCount: withTotal ? data.length : null };
  };
  return { requests, fetchPage };
}

const retryServerErrors = (failureCount: number, error: unknown) =>
  failureCount < 3 && error instanceof HttpError && (error.status === 429 || error.status >= 500);
const noWait = async () => {};

describe('exportAllRows', () => {
  it('pages through the whole result with top and skip and reports progress', async () => {
    const api = fakeApi(numbers(25));
    const progress: Array<[number, number | null]> = [];
    const outcome = await exportAllRows(api.fetchPage, {
      pageSize: 10,
      onProgress: ({ fetched, totalCount }) => progress.push([fetched, totalCount]),
    });
    expect(outcome).toEqual({ status: 'complete', rows: numbers(25), totalCount: 25 });
    expect(api.requests).toEqual([
      { skip: 0, top: 10 },
      { skip: 10, top: 10 },
      { skip: 20, top: 10 },
    ]);
    expect(progress).toEqual([
      [0, null],
      [10, 25],
      [20, 25],
      [25, 25],
    ]);
  });

  it('uses top=10000 by default and stops at TotalCount without asking for an empty page', async () => {
    const api = fakeApi(numbers(20000));
    const outcome = await exportAllRows(api.fetchPage);
    expect(outcome.status).toBe('complete');
    expect(api.requests).toEqual([
      { skip: 0, top: 10000 },
      { skip: 10000, top: 10000 },
    ]);
  });

  it('without TotalCount stops at the first short page', async () => {
    const api = fakeApi(numbers(20), { withTotal: false });
    const outcome = await exportAllRows(api.fetchPage, { pageSize: 10 });
    expect(outcome).toEqual({ status: 'complete', rows: numbers(20), totalCount: 20 });
    expect(api.requests.map((request) => request.skip)).toEqual([0, 10, 20]);
  });

  it('finishes an empty result after one request', async () => {
    const api = fakeApi([]);
    expect(await exportAllRows(api.fetchPage)).toEqual({
      status: 'complete',
      rows: [],
      totalCount: 0,
    });
    expect(api.requests).toHaveLength(1);
  });

  it('retries a page that fails with 429 or 500 by the policy, waiting as it says', async () => {
    const api = fakeApi(numbers(30));
    const failures = [new HttpError(429), new HttpError(500)];
    const fetchPage: FetchExportPage<number> = (request, signal) => {
      if (request.skip === 10 && failures.length > 0) return Promise.reject(failures.shift());
      return api.fetchPage(request, signal);
    };
    const sleep = vi.fn(async (_ms: number, _signal: AbortSignal) => {});
    const retries: Array<[number, number]> = [];
    const outcome = await exportAllRows(fetchPage, {
      pageSize: 10,
      retry: retryServerErrors,
      retryDelay: (failureCount) => 1000 * 2 ** failureCount,
      onRetry: (error, delayMs) => retries.push([(error as HttpError).status, delayMs]),
      sleep,
    });
    expect(outcome).toEqual({ status: 'complete', rows: numbers(30), totalCount: 30 });
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([1000, 2000]);
    expect(retries).toEqual([
      [429, 1000],
      [500, 2000],
    ]);
  });

  it('does not retry what the policy refuses (a 400)', async () => {
    const fetchPage = vi.fn<FetchExportPage<number>>().mockRejectedValue(new HttpError(400));
    const outcome = await exportAllRows(fetchPage, { retry: retryServerErrors, sleep: noWait });
    expect(outcome.status).toBe('failed');
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });

  it('keeps what was fetched after a lasting failure and resumes from there', async () => {
    const api = fakeApi(numbers(35));
    let outage = true;
    const fetchPage: FetchExportPage<number> = (request, signal) =>
      outage && request.skip === 20
        ? Promise.reject(new HttpError(503))
        : api.fetchPage(request, signal);

    const first = await exportAllRows(fetchPage, {
      pageSize: 10,
      retry: retryServerErrors,
      sleep: noWait,
    });
    if (first.status !== 'failed') throw new Error(`expected a failure, got ${first.status}`);
    expect(first.error).toEqual(new HttpError(503));
    expect(first.checkpoint).toEqual({ rows: numbers(20), nextSkip: 20, totalCount: 35 });
    expect(api.requests.filter((request) => request.skip === 20)).toHaveLength(0);

    outage = false;
    api.requests.length = 0;
    const resumed = await exportAllRows(fetchPage, { pageSize: 10, startFrom: first.checkpoint });
    expect(resumed).toEqual({ status: 'complete', rows: numbers(35), totalCount: 35 });
    expect(api.requests.map((request) => request.skip)).toEqual([20, 30]);
  });

  it('stops when cancelled during a request, keeping the pages already fetched', async () => {
    const controller = new AbortController();
    const api = fakeApi(numbers(50));
    const fetchPage: FetchExportPage<number> = (request, signal) => {
      if (request.skip < 20) return api.fetchPage(request, signal);
      return new Promise<ExportPage<number>>((_, reject) => {
        signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
        controller.abort();
      });
    };
    const outcome = await exportAllRows(fetchPage, {
      pageSize: 10,
      signal: controller.signal,
      retry: () => true,
      sleep: noWait,
    });
    expect(outcome).toEqual({
      status: 'cancelled',
      checkpoint: { rows: numbers(20), nextSkip: 20, totalCount: 50 },
    });

    const resumed = await exportAllRows(api.fetchPage, {
      pageSize: 10,
      startFrom: outcome.status === 'cancelled' ? outcome.checkpoint : undefined,
    });
    expect(resumed).toEqual({ status: 'complete', rows: numbers(50), totalCount: 50 });
  });

  it('stops when cancelled while waiting to retry', async () => {
    const controller = new AbortController();
    const fetchPage = vi.fn<FetchExportPage<number>>().mockRejectedValue(new HttpError(429));
    const pending = exportAllRows(fetchPage, {
      signal: controller.signal,
      retry: retryServerErrors,
      retryDelay: () => 60_000,
    });
    await vi.waitFor(() => expect(fetchPage).toHaveBeenCalledTimes(1));
    controller.abort();
    expect((await pending).status).toBe('cancelled');
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });

  it('does not start when already cancelled', async () => {
    const fetchPage = vi.fn<FetchExportPage<number>>();
    const outcome = await exportAllRows(fetchPage, { signal: AbortSignal.abort() });
    expect(outcome.status).toBe('cancelled');
    expect(fetchPage).not.toHaveBeenCalled();
  });

  it('keeps a row once when new rows shift the pages under the export', async () => {
    const data = numbers(20).map((n) => `r${n}`);
    const requests: number[] = [];
    const fetchPage: FetchExportPage<string> = async ({ skip, top }) => {
      requests.push(skip);
      // A new referral arrives (newest first) after the first page was read.
      if (skip === 10) data.unshift('new');
      return { rows: data.slice(skip, skip + top), totalCount: data.length };
    };
    const outcome = await exportAllRows(fetchPage, { pageSize: 10, rowKey: (row) => row });
    if (outcome.status !== 'complete') throw new Error(outcome.status);
    expect(new Set(outcome.rows).size).toBe(outcome.rows.length);
    expect(outcome.rows).toEqual(numbers(20).map((n) => `r${n}`));
    expect(requests).toEqual([0, 10, 20]);
  });

  describe('with pages in flight at once', () => {
    /** A fake API whose answers are released by the test, to control arrival order. */
    function controlledApi(data: number[]) {
      const waiting = new Map<number, () => void>();
      let inFlight = 0;
      let maxInFlight = 0;
      const failing = new Set<number>();
      const fetchPage: FetchExportPage<number> = ({ skip, top }, signal) =>
        new Promise((resolve, reject) => {
          inFlight += 1;
          maxInFlight = Math.max(maxInFlight, inFlight);
          const settle = () => {
            inFlight -= 1;
            if (failing.has(skip)) reject(new HttpError(500));
            else resolve({ rows: data.slice(skip, skip + top), totalCount: data.length });
          };
          waiting.set(skip, settle);
          signal.addEventListener('abort', () => {
            inFlight -= 1;
            reject(new DOMException('Aborted', 'AbortError'));
          });
        });
      const release = async (skip: number) => {
        await vi.waitFor(() => expect(waiting.has(skip)).toBe(true));
        waiting.get(skip)?.();
        waiting.delete(skip);
      };
      return { fetchPage, release, failing, max: () => maxInFlight, waiting };
    }

    it('keeps order when a later page arrives first, with at most that many in flight', async () => {
      const api = controlledApi(numbers(45));
      const pending = exportAllRows(api.fetchPage, { pageSize: 10, concurrency: 2 });
      await api.release(0);
      await api.release(20);
      await api.release(10);
      await api.release(30);
      await api.release(40);
      expect(await pending).toEqual({ status: 'complete', rows: numbers(45), totalCount: 45 });
      expect(api.max()).toBe(2);
    });

    it('drops pages fetched ahead of one that fails, and resumes from the failed one', async () => {
      const api = controlledApi(numbers(45));
      api.failing.add(10);
      const pending = exportAllRows(api.fetchPage, { pageSize: 10, concurrency: 2 });
      await api.release(0);
      await api.release(20);
      await api.release(10);
      const outcome = await pending;
      expect(outcome).toMatchObject({
        status: 'failed',
        checkpoint: { rows: numbers(10), nextSkip: 10, totalCount: 45 },
      });
      expect(api.waiting.size).toBe(0);

      const api2 = fakeApi(numbers(45));
      const resumed = await exportAllRows(api2.fetchPage, {
        pageSize: 10,
        concurrency: 2,
        startFrom: outcome.status === 'failed' ? outcome.checkpoint : undefined,
      });
      expect(resumed).toEqual({ status: 'complete', rows: numbers(45), totalCount: 45 });
      expect(api2.requests.map((request) => request.skip)).toEqual([10, 20, 30, 40]);
    });
  });
});
