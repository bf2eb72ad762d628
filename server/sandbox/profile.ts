// The sandbox's profiles: how it answers, apart from what it answers.
// - fast (the default): at once and without limit, for newcomers and tests.
// - partner-center: as partners meet the real API: a seeded latency model (median 800 ms, a long tail past 5 s,
//   larger answers slower) and throttling per caller (a token bucket answering 429 with Retry-After).
// A fixed `latencyMs` (SANDBOX_LATENCY_MS, --latency-ms) is added to every answer in either profile.
import { createLatencyModel, type LatencyModel } from './latency-model';
import { createTokenBuckets, type TokenBuckets } from './token-bucket';

export const PROFILE_NAMES = ['fast', 'partner-center'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

/** What a caller may set; missing values take the profile's defaults. */
export interface ProfileOptions {
  name?: ProfileName;
  /** Seeds the latency draws (default: the data seed). */
  latencySeed?: number;
  /** Multiplies the model's latency: 0 to 10 (default 1). */
  latencyScale?: number;
  /** Requests a caller may send at once before throttling (1 to 10,000). */
  throttleBurst?: number;
  /** Requests per second a caller's bucket earns back (0.01 to 10,000). */
  throttleRefillPerSecond?: number;
}

export type ResolvedProfile =
  | { name: 'fast' }
  | {
      name: 'partner-center';
      latencySeed: number;
      latencyScale: number;
      throttleBurst: number;
      throttleRefillPerSecond: number;
    };

/**
 * The partner-center model. Partner Center publishes no figures for the analytics API; partners report slow calls
 * and throttled bursts. A median of 800 ms with sigma 1 puts 10% of answers past 2.9 s and 3% past 5 s; a 1 MB
 * answer adds a second. Twelve requests at once (a first view's budget), then one a second, throttles a page that
 * asks more than it needs, as Partner Center would, without punishing one that plans its requests.
 */
export const PARTNER_CENTER_MODEL = {
  medianMs: 800,
  sigma: 1,
  perKbMs: 1,
  maxMs: 20_000,
  throttleBurst: 12,
  throttleRefillPerSecond: 1,
} as const;

export const MAX_LATENCY_SCALE = 10;
export const MAX_THROTTLE_BURST = 10_000;
export const MIN_THROTTLE_REFILL = 0.01;
export const MAX_THROTTLE_REFILL = 10_000;

/** A profile option that cannot be used; `option` names it as the options object spells it. */
export class ProfileOptionError extends Error {
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(message);
    this.name = 'ProfileOptionError';
  }
}

function numberIn(option: string, value: number, min: number, max: number, whole = false) {
  if (
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (whole && !Number.isInteger(value))
  ) {
    const what = whole ? 'a whole number' : 'a number';
    throw new ProfileOptionError(option, `must be ${what} from ${min} to ${max}, got ${value}`);
  }
  return value;
}

/** Checks a profile's options and fills in its defaults; the fast profile takes none. */
export function resolveProfile(options: ProfileOptions, dataSeed: number): ResolvedProfile {
  const name = options.name ?? 'fast';
  if (!(PROFILE_NAMES as readonly string[]).includes(name)) {
    throw new ProfileOptionError('profile', `must be ${PROFILE_NAMES.join(' or ')}, got ${name}`);
  }
  if (name === 'fast') {
    const tuned = (
      ['latencySeed', 'latencyScale', 'throttleBurst', 'throttleRefillPerSecond'] as const
    ).find((option) => options[option] !== undefined);
    if (tuned !== undefined) {
      throw new ProfileOptionError(tuned, 'applies only to the partner-center profile');
    }
    return { name };
  }
  return {
    name,
    latencySeed: numberIn('latencySeed', options.latencySeed ?? dataSeed, 0, 0xffffffff, true),
    latencyScale: numberIn('latencyScale', options.latencyScale ?? 1, 0, MAX_LATENCY_SCALE),
    throttleBurst: numberIn(
      'throttleBurst',
      options.throttleBurst ?? PARTNER_CENTER_MODEL.throttleBurst,
      1,
      MAX_THROTTLE_BURST,
      true,
    ),
    throttleRefillPerSecond: numberIn(
      'throttleRefillPerSecond',
      options.throttleRefillPerSecond ?? PARTNER_CENTER_MODEL.throttleRefillPerSecond,
      MIN_THROTTLE_REFILL,
      MAX_THROTTLE_REFILL,
    ),
  };
}

/** One line for the start-up log. */
export function describeProfile(profile: ResolvedProfile): string {
  if (profile.name === 'fast') return 'profile fast (no latency, no throttling)';
  const scale = profile.latencyScale === 1 ? '' : ` × ${profile.latencyScale}`;
  return (
    `profile partner-center (latency median ${PARTNER_CENTER_MODEL.medianMs} ms${scale}, seed ` +
    `${profile.latencySeed}; throttling after ${profile.throttleBurst} requests, ` +
    `${profile.throttleRefillPerSecond}/s per user)`
  );
}

/** A profile in use: its latency model and its callers' buckets (both absent in the fast profile). */
export interface ActiveProfile {
  readonly settings: ResolvedProfile;
  readonly latency: LatencyModel | undefined;
  readonly buckets: TokenBuckets | undefined;
}

export function activateProfile(
  settings: ResolvedProfile,
  now: () => number = () => performance.now(),
): ActiveProfile {
  if (settings.name === 'fast') return { settings, latency: undefined, buckets: undefined };
  return {
    settings,
    latency: createLatencyModel({
      seed: settings.latencySeed,
      medianMs: PARTNER_CENTER_MODEL.medianMs,
      sigma: PARTNER_CENTER_MODEL.sigma,
      perKbMs: PARTNER_CENTER_MODEL.perKbMs,
      maxMs: PARTNER_CENTER_MODEL.maxMs,
      scale: settings.latencyScale,
    }),
    buckets: createTokenBuckets({
      burst: settings.throttleBurst,
      refillPerSecond: settings.throttleRefillPerSecond,
      now,
    }),
  };
}
