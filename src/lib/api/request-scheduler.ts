// How many referrals requests are in flight at once. Partner Center throttles with 429 + Retry-After
// and asks callers to lower parallelism. So: up to `maxConcurrent` normally; after a 429,
// `throttledConcurrent` until its Retry-After window ends; then one more slot per request that
// completes, back up to the maximum (a slow start, so the queue does not hit the limit again all
// at once). The normal maximum is above the dashboard's fan-out (some 28 requests on load): the
// browser already sends at most 6 at a time per origin over HTTP/1.1 and starts the next one as a
// connection frees, whereas a lower cap here made each waiting request wait for the page's busy
// main thread to hand it out (measured: the last requests of a load started ~400 ms later).

export interface RequestSchedulerOptions {
  /** In flight at once normally. */
  maxConcurrent?: number;
  /** In flight at once while a 429 is recent. */
  throttledConcurrent?: number;
  /** How long a 429 without a readable Retry-After keeps parallelism low. */
  defaultThrottleSeconds?: number;
  now?: () => number;
}

export interface RequestScheduler {
  /**
   * Runs `task` when a slot is free (first come, first served). A task still waiting when
   * `signal` aborts never starts: the promise rejects with the signal's reason.
   */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** A 429 arrived: lower parallelism for `retryAfterSeconds` (or the default when null). */
  throttled(retryAfterSeconds: number | null): void;
  /** Requests in flight and waiting, and the current limit: for tests and diagnostics. */
  state(): { active: number; waiting: number; limit: number };
}

export function createRequestScheduler({
  maxConcurrent = 32,
  throttledConcurrent = 2,
  defaultThrottleSeconds = 10,
  now = Date.now,
}: RequestSchedulerOptions = {}): RequestScheduler {
  const queue: (() => void)[] = [];
  let active = 0;
  let limit = maxConcurrent;
  let throttledUntil = Number.NEGATIVE_INFINITY;

  function pump() {
    while (active < limit && queue.length > 0) queue.shift()?.();
  }

  function finished() {
    active -= 1;
    // Out of the window, each completion earns back one slot.
    if (now() >= throttledUntil) limit = Math.min(maxConcurrent, limit + 1);
    pump();
  }

  return {
    run(task, signal) {
      return new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const start = () => {
          signal?.removeEventListener('abort', onAbort);
          active += 1;
          // Via then(), so a task that throws synchronously still frees its slot.
          Promise.resolve().then(task).then(resolve, reject).finally(finished);
        };
        const onAbort = () => {
          queue.splice(queue.indexOf(start), 1);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(start);
        pump();
      });
    },

    throttled(retryAfterSeconds) {
      const seconds = retryAfterSeconds ?? defaultThrottleSeconds;
      throttledUntil = Math.max(throttledUntil, now() + seconds * 1000);
      limit = Math.min(limit, throttledConcurrent);
    },

    state: () => ({ active, waiting: queue.length, limit }),
  };
}
