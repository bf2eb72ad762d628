import { describe, expect, it } from 'vitest';
import { ApiError, invalidQueryError } from './errors';
import { backoffMs, retryDelayMs, shouldRetryRequest } from './retry';

const httpError = (status: number, retryAfterSeconds: number | null = null) =>
  new ApiError({ status, description: 'x', retryAfterSeconds });

describe('shouldRetryRequest', () => {
  it.each([429, 500, 502, 503, 504, 0])('retries %s up to three times', (status) => {
    // (A 429 without Retry-After; one with it is retried more, below.)
    const error =
      status === 0
        ? new ApiError({ status: 0, kind: 'network', description: 'x' })
        : httpError(status);
    expect([0, 1, 2, 3].map((n) => shouldRetryRequest(n, error))).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it.each([400, 401, 403, 404, 409])('never retries %s', (status) => {
    expect(shouldRetryRequest(0, httpError(status))).toBe(false);
  });

  it('never retries refused queries, unreadable answers or other errors', () => {
    expect(shouldRetryRequest(0, invalidQueryError('bad top'))).toBe(false);
    expect(
      shouldRetryRequest(
        0,
        new ApiError({ status: 200, kind: 'invalid-response', description: 'x' }),
      ),
    ).toBe(false);
    expect(shouldRetryRequest(0, new Error('boom'))).toBe(false);
  });

  it('retries a 429 that gives its Retry-After up to five times, waiting it out each time', () => {
    const throttled = httpError(429, 2);
    expect([0, 1, 2, 3, 4, 5].map((n) => shouldRetryRequest(n, throttled))).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
    // A 503 with Retry-After is a failure of the service: three retries, as any other.
    expect(shouldRetryRequest(3, httpError(503, 2))).toBe(false);
    expect(retryDelayMs(4, throttled, () => 0)).toBe(2000 + 4000);
  });

  it('leaves a very long Retry-After to the user', () => {
    expect(shouldRetryRequest(0, httpError(429, 120))).toBe(true);
    expect(shouldRetryRequest(0, httpError(429, 3600))).toBe(false);
  });
});

describe('retryDelayMs', () => {
  const lowest = () => 0;
  const highest = () => 1;

  it('waits Retry-After first, then Retry-After plus a growing backoff', () => {
    const error = httpError(429, 7);
    expect(retryDelayMs(0, error, lowest)).toBe(7000);
    expect(retryDelayMs(1, error, highest)).toBe(8000);
    expect(retryDelayMs(2, error, highest)).toBe(9000);
    expect(retryDelayMs(1, error, lowest)).toBe(7500);
  });

  it('backs off exponentially with jitter when there is no Retry-After', () => {
    const error = httpError(503);
    expect([0, 1, 2].map((n) => retryDelayMs(n, error, highest))).toEqual([1000, 2000, 4000]);
    expect([0, 1, 2].map((n) => retryDelayMs(n, error, lowest))).toEqual([500, 1000, 2000]);
  });

  it('caps the backoff at 30 seconds', () => {
    expect(backoffMs(10, () => 1)).toBe(30_000);
  });
});
