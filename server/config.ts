import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { MAX_LATENCY_MS } from './sandbox/options';
import { sandboxProfileFromEnv, type ProfileOptions } from './sandbox/profile-env';

// Server settings for `npm start` and `npm run serve`, read from the environment and `.env.local`.
// Every setting is documented in `.env.example`.

export const DEFAULT_PORT = 5173;
export const DEFAULT_HOST = 'localhost';
// Partner Center's analytics calls take 20 to 120 s (see the API contract): wait as long as that.
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 120_000;
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 3600;
export const DEFAULT_PARTNER_CENTER_BASE_URL = 'https://api.partnercenter.microsoft.com';
export const ENV_FILE = '.env.local';

/** Exit code for a configuration the server refuses to start with. */
export const CONFIG_ERROR_EXIT_CODE = 2;

interface CommonSettings {
  /** The app's port: the one origin the browser talks to. */
  port: number;
  host: string;
  /** How long the proxy waits for the upstream API before answering 504. */
  upstreamTimeoutMs: number;
  /** Host names besides localhost (and the redirect URI's) that requests may name: `ALLOWED_HOSTS`. */
  allowedHosts: string[];
}

export interface SandboxSettings extends CommonSettings {
  mode: 'sandbox';
  sandbox: {
    /** Loopback port of the sandbox API; 0 picks a free one. */
    port: number;
    /** Enables `POST /_sandbox/faults` on the sandbox's own port (tests only). */
    allowFaults: boolean;
    accessTokenTtlSeconds: number;
    count?: number;
    seed?: number;
    /** `YYYY-MM-DD`: the day the generated data ends, for deterministic tests. */
    anchorDate?: string;
    /** Delay before every sandbox API answer, to feel a remote API's latency; 0 answers at once. */
    latencyMs: number;
    /** SANDBOX_PROFILE and its tuning: fast (default) or partner-center (latency model, throttling). */
    profile: ProfileOptions;
  };
}

export interface LiveSettings extends CommonSettings {
  mode: 'live';
  clientId: string;
  /** `https://login.microsoftonline.com/<tenant>` without a trailing slash. */
  authority: string;
  redirectUri: string;
  partnerCenterBaseUrl: string;
  /** A certificate to serve https with; without one, live mode serves http on localhost. */
  tls?: { certFile: string; keyFile: string };
}

export type Settings = SandboxSettings | LiveSettings;

/** A configuration the server cannot start with; each problem names its setting. */
export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(
      `Referral Lens cannot start: fix these settings (in ${ENV_FILE} or the environment; ` +
        `see .env.example):\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads `.env.local` under `root` (if present) with the process environment taking precedence. */
export function loadSettings(root: string, env: Env = process.env): Settings {
  return parseSettings({ ...readEnvFile(join(root, ENV_FILE)), ...env });
}

export function readEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const parsed = parseEnv(readFileSync(path, 'utf8'));
  return Object.fromEntries(
    Object.entries(parsed).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** Validates the settings; throws {@link ConfigError} naming every missing or malformed one. */
export function parseSettings(env: Env): Settings {
  const problems: string[] = [];
  const read = <T>(name: string, schema: z.ZodType<T>): T | undefined => {
    const value = env[name]?.trim();
    const result = schema.safeParse(value === '' ? undefined : value);
    if (result.success) return result.data;
    problems.push(`${name}: ${result.error.issues[0]?.message ?? 'is not valid'}`);
    return undefined;
  };

  const mode = read(
    'REFERRAL_LENS_MODE',
    z.enum(['sandbox', 'live'], { error: 'must be "sandbox" or "live"' }).default('sandbox'),
  );
  const explicitPort = read('PORT', integer(1, 65535).optional());
  const host = read('HOST', z.string().default(DEFAULT_HOST)) ?? DEFAULT_HOST;
  const upstreamTimeoutMs =
    read('UPSTREAM_TIMEOUT_MS', integer(100, 600_000).default(DEFAULT_UPSTREAM_TIMEOUT_MS)) ??
    DEFAULT_UPSTREAM_TIMEOUT_MS;
  const allowedHosts = read('ALLOWED_HOSTS', hostList()) ?? [];

  if (mode === 'live') {
    const live = parseLive(read, explicitPort, problems);
    if (problems.length > 0 || !live) throw new ConfigError(problems);
    return { mode, host, upstreamTimeoutMs, allowedHosts, ...live };
  }

  const sandbox = {
    port: read('SANDBOX_PORT', integer(0, 65535).default(0)) ?? 0,
    allowFaults: read('SANDBOX_ALLOW_FAULTS', flag()) ?? false,
    accessTokenTtlSeconds:
      read(
        'SANDBOX_ACCESS_TOKEN_TTL',
        integer(5, 86_400, 'seconds').default(DEFAULT_ACCESS_TOKEN_TTL_SECONDS),
      ) ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS,
    count: read('SANDBOX_COUNT', integer(1, 10_000_000).optional()),
    seed: read('SANDBOX_SEED', integer(0, 2 ** 32 - 1).optional()),
    anchorDate: read('SANDBOX_ANCHOR_DATE', isoDate().optional()),
    latencyMs: read('SANDBOX_LATENCY_MS', integer(0, MAX_LATENCY_MS).default(0)) ?? 0,
    profile: sandboxProfileFromEnv(env, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    mode: 'sandbox',
    port: explicitPort ?? DEFAULT_PORT,
    host,
    upstreamTimeoutMs,
    allowedHosts,
    sandbox,
  };
}

type Reader = <T>(name: string, schema: z.ZodType<T>) => T | undefined;

function parseLive(
  read: Reader,
  explicitPort: number | undefined,
  problems: string[],
): Omit<LiveSettings, 'mode' | 'host' | 'upstreamTimeoutMs' | 'allowedHosts'> | undefined {
  const clientId = read(
    'ENTRA_CLIENT_ID',
    z
      .string({ error: "is missing: set it to your app registration's Application (client) ID" })
      .regex(GUID, 'must be a GUID (the Application (client) ID of your app registration)'),
  );
  const authority = read('ENTRA_AUTHORITY', authorityUrl());
  const redirectUri = read('ENTRA_REDIRECT_URI', redirectUrl());
  const partnerCenterBaseUrl = read(
    'PARTNER_CENTER_BASE_URL',
    upstreamUrl().default(DEFAULT_PARTNER_CENTER_BASE_URL),
  );
  const certFile = read('TLS_CERT_FILE', z.string().optional());
  const keyFile = read('TLS_KEY_FILE', z.string().optional());
  if ((certFile === undefined) !== (keyFile === undefined)) {
    problems.push(
      'TLS_CERT_FILE and TLS_KEY_FILE: set both (a certificate and its key) or neither',
    );
  }

  if (!clientId || !authority || !redirectUri || !partnerCenterBaseUrl) return undefined;

  const redirect = new URL(redirectUri);
  const redirectPort = Number(redirect.port || (redirect.protocol === 'https:' ? 443 : 80));
  const port = explicitPort ?? (isLoopback(redirect.hostname) ? redirectPort : DEFAULT_PORT);
  if (isLoopback(redirect.hostname) && port !== redirectPort) {
    problems.push(
      `PORT: is ${port} but ENTRA_REDIRECT_URI points at port ${redirectPort}; ` +
        'the app must be served where Entra ID sends the user back',
    );
  }
  return {
    port,
    clientId,
    authority,
    redirectUri,
    partnerCenterBaseUrl,
    ...(certFile && keyFile ? { tls: { certFile, keyFile } } : {}),
  };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

function integer(min: number, max: number, unit = '') {
  const what = unit ? `a whole number of ${unit}` : 'a whole number';
  return z
    .string()
    .regex(/^\d+$/, `must be ${what} from ${min} to ${max}`)
    .transform(Number)
    .refine((value) => value >= min && value <= max, `must be ${what} from ${min} to ${max}`);
}

/** `app.example.com, reports.example.com`: host names without scheme, port or path. */
function hostList() {
  const message =
    'must be host names separated by commas, without scheme or port (e.g. app.example.com)';
  return z
    .string()
    .optional()
    .transform((value, context) => {
      const names = (value ?? '')
        .split(',')
        .map((name) => name.trim().toLowerCase())
        .filter((name) => name !== '');
      for (const name of names) {
        const parsed = URL.parse(`http://${name}`);
        if (!parsed || parsed.host !== name || parsed.port !== '') {
          context.addIssue({ code: 'custom', message });
          return z.NEVER;
        }
      }
      return names;
    });
}

function flag() {
  return z
    .enum(['1', 'true', 'yes', '0', 'false', 'no'], { error: 'must be 1 or 0' })
    .optional()
    .transform((value) => value === '1' || value === 'true' || value === 'yes');
}

function isoDate() {
  return z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
    .refine(
      (value) => new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
      'must be a real calendar date (YYYY-MM-DD)',
    );
}

function absoluteUrl(what: string) {
  return z.string({ error: `is missing: set it to ${what}` }).transform((value, context) => {
    const url = URL.parse(value);
    if (!url) {
      context.addIssue({ code: 'custom', message: `must be ${what}` });
      return z.NEVER;
    }
    return url;
  });
}

function authorityUrl() {
  const what = 'https://login.microsoftonline.com/<your tenant ID or domain>';
  return absoluteUrl(what).transform((url, context) => {
    const segments = url.pathname.split('/').filter(Boolean);
    if (url.protocol !== 'https:' || segments.length !== 1 || url.search || url.hash) {
      context.addIssue({ code: 'custom', message: `must look like ${what}` });
      return z.NEVER;
    }
    return `${url.origin}/${segments[0]}`;
  });
}

function redirectUrl() {
  const what =
    "the app's own address as registered on the SPA platform, e.g. http://localhost:5173/";
  return absoluteUrl(what).transform((url, context) => {
    const loopback = isLoopback(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
      context.addIssue({
        code: 'custom',
        message: 'must be an https URL (plain http is allowed only for localhost)',
      });
      return z.NEVER;
    }
    return url.href;
  });
}

function upstreamUrl() {
  return absoluteUrl('https://api.partnercenter.microsoft.com').transform((url, context) => {
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
      context.addIssue({
        code: 'custom',
        message: 'must be an https URL (plain http is allowed only for localhost)',
      });
      return z.NEVER;
    }
    if (url.search || url.hash || url.username || url.password) {
      context.addIssue({
        code: 'custom',
        message: 'must be a base URL without query or credentials',
      });
      return z.NEVER;
    }
    return url.href.replace(/\/+$/, '');
  });
}
