// Throttling as Partner Center's gateway does it, per caller: each caller has a bucket of `burst` requests that
// refills at `refillPerSecond`; a request finding its bucket empty is refused with the seconds until a request
// would be let through again (the Retry-After).

export interface TokenBucketOptions {
  /** Requests a caller with a full bucket may send at once. */
  burst: number;
  /** Requests per second the bucket earns back, up to `burst`. */
  refillPerSecond: number;
  /** Milliseconds, e.g. Date.now or performance.now; tests pass their own clock. */
  now: () => number;
}

export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

/** Above this many callers, full buckets (idle callers) are forgotten: they would start full anyway. */
const MAX_TRACKED_CALLERS = 1000;

export interface TokenBuckets {
  readonly options: Omit<TokenBucketOptions, 'now'>;
  /** Takes one request from `caller`'s bucket, or says how long until one is free. */
  take(caller: string): Admission;
}

export function createTokenBuckets(options: TokenBucketOptions): TokenBuckets {
  const { burst, refillPerSecond, now } = options;
  const buckets = new Map<string, { tokens: number; at: number }>();

  const level = (bucket: { tokens: number; at: number }, time: number) =>
    Math.min(burst, bucket.tokens + ((time - bucket.at) / 1000) * refillPerSecond);

  function forgetIdle(time: number) {
    for (const [caller, bucket] of buckets) {
      if (level(bucket, time) >= burst) buckets.delete(caller);
    }
  }

  return {
    options: { burst, refillPerSecond },
    take(caller) {
      const time = now();
      const bucket = buckets.get(caller);
      const tokens = bucket === undefined ? burst : level(bucket, time);
      if (tokens >= 1) {
        if (bucket === undefined && buckets.size >= MAX_TRACKED_CALLERS) forgetIdle(time);
        buckets.set(caller, { tokens: tokens - 1, at: time });
        return { admitted: true };
      }
      // A refused request costs nothing, as at the gateway: waiting Retry-After is always enough.
      const seconds = (1 - tokens) / refillPerSecond;
      return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(seconds)) };
    },
  };
}
