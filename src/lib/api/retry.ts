// When React Query retries a failed referrals request, and how long it waits. Pure functions:
// the delays take a random source so tests can pin the jitter.
import { isApiError } from './errors';

/** Retries after the first failure (so at most 4 attempts). */
export const MAX_RETRIES = 3;
/**
 * Retries of a 429 that says when to come back: throttling is the service asking for patience, not
 * failing, and the scheduler already holds every other request until then (request-scheduler.ts).
 */
export const MAX_THROTTLED_RETRIES = 5;
/** A `Retry-After` longer than this is shown to the user instead of waited out silently. */
export const MAX_RETRY_AFTER_SECONDS = 120;
const BASE_DELAY_MS = 1000;
const MAX_BACKOFF_MS = 30_000;

function isRetryableStatus(status: number): boolean {
  // 0: no answer (network); 5xx: Partner Center's side. 400/401/403/404 would fail the same way.
  return status === 0 || status === 429 || (status >= 500 && status <= 599);
}

/**
 * React Query's `retry`: `failureCount` is the number of failures before this one (0 at the
 * first). Only ApiErrors from the server or the network are retried; a refused query, an
 * unreadable answer or a failed sign-in are not.
 */
export function shouldRetryRequest(failureCount: number, error: unknown): boolean {
  if (!isApiError(error)) return false;
  if (error.kind !== 'http' && error.kind !== 'network') return false;
  if (!isRetryableStatus(error.status)) return false;
  if (error.retryAfterSeconds !== null && error.retryAfterSeconds > MAX_RETRY_AFTER_SECONDS) {
    return false;
  }
  const throttled = error.status === 429 && error.retryAfterSeconds !== null;
  return failureCount < (throttled ? MAX_THROTTLED_RETRIES : MAX_RETRIES);
}

/** Exponential backoff with "full jitter" over the upper half: 1 s, 2 s, 4 s… capped at 30 s. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BASE_DELAY_MS * 2 ** attempt, MAX_BACKOFF_MS);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/**
 * React Query's `retryDelay`. A 429 waits what `Retry-After` says, and if Partner Center keeps
 * throttling, that plus a growing backoff; other failures back off exponentially with jitter so
 * parallel queries do not retry in step.
 */
export function retryDelayMs(
  failureCount: number,
  error: unknown,
  random: () => number = Math.random,
): number {
  const retryAfter = isApiError(error) ? error.retryAfterSeconds : null;
  if (retryAfter !== null) {
    const extra = failureCount === 0 ? 0 : backoffMs(failureCount - 1, random);
    return retryAfter * 1000 + extra;
  }
  return backoffMs(failureCount, random);
}
