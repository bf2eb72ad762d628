import type { JSONWebKeySet } from 'jose';
import { parseAnchorDate, todayUtc } from './data/calendar';
import {
  ProfileOptionError,
  resolveProfile,
  type ProfileOptions,
  type ResolvedProfile,
} from './profile';

/** Options of {@link startSandbox}; the CLI maps its flags onto the same names. */
export interface SandboxOptions {
  /** Interface to bind; loopback unless you mean to expose the API. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  seed?: number;
  /** Referrals to generate (0 to 500,000). */
  count?: number;
  /** `YYYY-MM-DD` (or a Date, its UTC day): referrals are created in the 24 months before it. Default today, UTC. */
  anchorDate?: string | Date;
  /** The identity provider whose tokens are accepted, or 'off' for scripts and benchmarks. */
  auth: SandboxAuth | 'off';
  /** Added before every API answer, in either profile (on top of the partner-center model's latency). */
  latencyMs?: number;
  /**
   * How the API answers: 'fast' (the default: at once, never throttled) or 'partner-center' (latency model and
   * per-user throttling, tuned by the other members; see profile.ts).
   */
  profile?: ProfileOptions;
  /** Share of API requests answered 500 (0 to 1). Enables faults. */
  failRate?: number;
  /** Share of API requests answered 429 with Retry-After (0 to 1). Enables faults. */
  throttleRate?: number;
  /** Honour `x-sandbox-fault` and `/_sandbox/faults`; refused with 403 otherwise. */
  allowFaults?: boolean;
  /** true: log to the console; a function: receives each line. Default: only the auth-off warning. */
  log?: boolean | ((line: string) => void);
}

export interface SandboxAuth {
  issuer: string;
  /** The identity provider's public keys. Private members, if present, are ignored. */
  jwks: JSONWebKeySet;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_SEED = 1;
export const DEFAULT_COUNT = 25_000;
export const MAX_COUNT = 500_000;
export const MAX_LATENCY_MS = 60_000;

export interface ResolvedSandboxOptions {
  host: string;
  port: number;
  seed: number;
  count: number;
  /** Midnight UTC of the anchor date, epoch ms. */
  anchor: number;
  auth: SandboxAuth | 'off';
  latencyMs: number;
  profile: ResolvedProfile;
  failRate: number;
  throttleRate: number;
  faultsEnabled: boolean;
  log: ((line: string) => void) | undefined;
  /** Where warnings go: the caller's log function, else stderr (never silenced). */
  warn: (line: string) => void;
}

/** An option the sandbox cannot start with; `option` names it as the API spells it. */
export class SandboxOptionError extends Error {
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(`${option}: ${message}`);
    this.name = 'SandboxOptionError';
  }
}

function integerIn(option: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SandboxOptionError(
      option,
      `must be a whole number from ${min} to ${max}, got ${value}`,
    );
  }
  return value;
}

function rate(option: string, value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new SandboxOptionError(option, `must be a number from 0 to 1, got ${value}`);
  }
  return value;
}

function resolveAnchor(anchorDate: string | Date | undefined): number {
  if (anchorDate === undefined) return todayUtc();
  const anchor =
    anchorDate instanceof Date ? todayUtc(anchorDate.getTime()) : parseAnchorDate(anchorDate);
  if (anchor === undefined || Number.isNaN(anchor)) {
    throw new SandboxOptionError(
      'anchorDate',
      `must be a date written YYYY-MM-DD, got ${String(anchorDate)}`,
    );
  }
  const year = new Date(anchor).getUTCFullYear();
  if (year < 2000 || year > 2200) {
    throw new SandboxOptionError(
      'anchorDate',
      `must be between the years 2000 and 2200, got ${year}`,
    );
  }
  return anchor;
}

function resolveAuth(auth: SandboxAuth | 'off'): SandboxAuth | 'off' {
  if (auth === 'off') return auth;
  if (typeof auth !== 'object' || auth === null) {
    throw new SandboxOptionError('auth', "must be 'off' or { issuer, jwks }");
  }
  if (typeof auth.issuer !== 'string' || !URL.canParse(auth.issuer)) {
    throw new SandboxOptionError(
      'auth.issuer',
      `must be the identity provider's issuer URL, got ${String(auth.issuer)}`,
    );
  }
  if (!Array.isArray(auth.jwks?.keys) || auth.jwks.keys.length === 0) {
    throw new SandboxOptionError('auth.jwks', 'must be a JSON Web Key Set with at least one key');
  }
  return auth;
}

function resolveLog(log: SandboxOptions['log']): ((line: string) => void) | undefined {
  if (typeof log === 'function') return log;
  return log === true ? (line) => console.log(line) : undefined;
}

function checkedProfile(profile: ProfileOptions, seed: number): ResolvedProfile {
  try {
    return resolveProfile(profile, seed);
  } catch (error) {
    if (error instanceof ProfileOptionError) {
      const option = error.option === 'profile' ? 'profile.name' : `profile.${error.option}`;
      throw new SandboxOptionError(option, error.message);
    }
    throw error;
  }
}

/** Checks every option and fills in the defaults; throws SandboxOptionError naming the first bad one. */
export function resolveSandboxOptions(options: SandboxOptions): ResolvedSandboxOptions {
  const host = options.host ?? DEFAULT_HOST;
  if (typeof host !== 'string' || host.trim() === '') {
    throw new SandboxOptionError('host', 'must be a host name or address');
  }
  const failRate = rate('failRate', options.failRate ?? 0);
  const throttleRate = rate('throttleRate', options.throttleRate ?? 0);
  if (failRate + throttleRate > 1) {
    throw new SandboxOptionError(
      'failRate',
      `plus throttleRate must not exceed 1, got ${failRate + throttleRate}`,
    );
  }
  const seed = integerIn('seed', options.seed ?? DEFAULT_SEED, 0, 0xffffffff);
  return {
    host,
    port: integerIn('port', options.port ?? 0, 0, 65535),
    seed,
    count: integerIn('count', options.count ?? DEFAULT_COUNT, 0, MAX_COUNT),
    anchor: resolveAnchor(options.anchorDate),
    auth: resolveAuth(options.auth),
    latencyMs: integerIn('latencyMs', options.latencyMs ?? 0, 0, MAX_LATENCY_MS),
    profile: checkedProfile(options.profile ?? {}, seed),
    failRate,
    throttleRate,
    // Random faults make no sense unless the fault machinery is on, so the rates imply it.
    faultsEnabled: options.allowFaults === true || failRate > 0 || throttleRate > 0,
    log: resolveLog(options.log),
    warn: typeof options.log === 'function' ? options.log : (line) => console.warn(line),
  };
}
