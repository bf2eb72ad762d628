// How many referrals requests are in flight at once, and when the next may start. Partner Center
// throttles bursts per tenant with 429 + Retry-After and asks callers for fewer concurrent calls.
// So: at most `maxConcurrent` (6, what a browser sends per origin over HTTP/1.1 anyway) normally.
// After a 429 with Retry-After: nothing new starts until it has passed (every request sent sooner
// would be refused too and spend one of its retries); then, for a cool-down, at most
// `throttledConcurrent` in flight, started no faster than that many per Retry-After (the pace the
// answer implied); then one more slot per request that completes, back up to the maximum (a slow
// start, so the queue does not hit the limit again all at once). Requests wait in the queue;
// none is dropped. The throttled request itself is retried by the retry policy (retry.ts).

export interface RequestSchedulerOptions {
  /** In flight at once normally. */
  maxConcurrent?: number;
  /** In flight at once during the cool-down after a 429. */
  throttledConcurrent?: number;
  /** How long parallelism stays low after a 429's Retry-After has passed (or after a 429 without one). */
  coolDownSeconds?: number;
  /** The longest Retry-After that holds the queue; a longer one is the user's to wait (retry.ts). */
  maxPauseSeconds?: number;
  now?: () => number;
}

export interface RequestScheduler {
  /**
   * Runs `task` when a slot is free (first come, first served). A task still waiting when
   * `signal` aborts never starts: the promise rejects with the signal's reason.
   */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** A 429 arrived: hold new requests for `retryAfterSeconds` (none when null), then cool down. */
  throttled(retryAfterSeconds: number | null): void;
  /** Requests in flight and waiting, and the current limit: for tests and diagnostics. */
  state(): { active: number; waiting: number; limit: number };
}

export const MAX_CONCURRENT_REQUESTS = 6;

export function createRequestScheduler({
  maxConcurrent = MAX_CONCURRENT_REQUESTS,
  throttledConcurrent = 2,
  coolDownSeconds = 10,
  maxPauseSeconds = 120,
  now = Date.now,
}: RequestSchedulerOptions = {}): RequestScheduler {
  const queue: (() => void)[] = [];
  let active = 0;
  let limit = maxConcurrent;
  /** No request starts before this time: a Retry-After, or the pace of the cool-down. */
  let notBefore = Number.NEGATIVE_INFINITY;
  let coolDownUntil = Number.NEGATIVE_INFINITY;
  /** Gap between starts during the cool-down. */
  let spacingMs = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function wakeAt(time: number) {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(
      () => {
        timer = undefined;
        pump();
      },
      Math.max(0, time - now()),
    );
  }

  function pump() {
    while (active < limit && queue.length > 0) {
      const time = now();
      if (time < notBefore) return wakeAt(notBefore);
      if (time < coolDownUntil) notBefore = time + spacingMs;
      queue.shift()?.();
    }
  }

  function finished() {
    active -= 1;
    // After the cool-down, each completion earns back one slot.
    if (now() >= coolDownUntil) limit = Math.min(maxConcurrent, limit + 1);
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
      const time = now();
      const pauseMs = Math.min(retryAfterSeconds ?? 0, maxPauseSeconds) * 1000;
      notBefore = Math.max(notBefore, time + pauseMs);
      spacingMs = Math.max(time < coolDownUntil ? spacingMs : 0, pauseMs / throttledConcurrent);
      coolDownUntil = Math.max(coolDownUntil, notBefore + coolDownSeconds * 1000);
      limit = Math.min(limit, throttledConcurrent);
      if (queue.length > 0) wakeAt(notBefore);
    },

    state: () => ({ active, waiting: queue.length, limit }),
  };
}
