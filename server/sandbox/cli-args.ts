import { parseArgs } from 'node:util';
import { parseAnchorDate } from './data/calendar';
import { DEFAULT_COUNT, DEFAULT_HOST, DEFAULT_SEED, MAX_COUNT, MAX_LATENCY_MS } from './options';
import {
  MAX_LATENCY_SCALE,
  MAX_THROTTLE_BURST,
  MAX_THROTTLE_REFILL,
  MIN_THROTTLE_REFILL,
  PARTNER_CENTER_MODEL,
  PROFILE_NAMES,
  type ProfileOptions,
} from './profile';

export const DEFAULT_CLI_PORT = 7071;
/** Where `npm start` serves its identity provider by default (server/config.ts DEFAULT_PORT). */
export const DEFAULT_ISSUER = 'https://localhost:5173/oidc';

export const USAGE = `Usage: npm run sandbox -- [options]

Serves generated referrals at GET /partner/v1/analytics/referrals on plain http.

  --port N              port to listen on (default ${DEFAULT_CLI_PORT}; 0 picks a free one)
  --host HOST           interface to bind (default ${DEFAULT_HOST}, loopback only)
  --seed N              data seed, 0 to 4294967295 (default ${DEFAULT_SEED})
  --count N             referrals to generate, 0 to ${MAX_COUNT} (default ${DEFAULT_COUNT})
  --anchor-date DATE    YYYY-MM-DD: referrals are created in the 24 months before it (default today, UTC)
  --auth on|off         require a bearer token from the local identity provider (default on)
  --issuer URL          the identity provider's issuer (default ${DEFAULT_ISSUER})
  --jwks-file PATH      its public keys: a JWKS or a JWK file (default .local/signing-key.json, made by npm start)
  --profile NAME        fast (default: no latency, no throttling) or partner-center: answers take a
                        seeded log-normal time (median ${PARTNER_CENTER_MODEL.medianMs} ms, a long tail past 5 s, +${PARTNER_CENTER_MODEL.perKbMs} ms per kB)
                        and each user's requests are throttled by a token bucket (429 + Retry-After)
  --latency-seed N      partner-center: seed of the latency draws (default: --seed)
  --latency-scale X     partner-center: multiply its latency, 0 to ${MAX_LATENCY_SCALE} (default 1)
  --throttle-burst N    partner-center: requests a user may send at once, 1 to ${MAX_THROTTLE_BURST} (default ${PARTNER_CENTER_MODEL.throttleBurst})
  --throttle-refill R   partner-center: requests per second a user earns back (default ${PARTNER_CENTER_MODEL.throttleRefillPerSecond})
  --latency-ms N        add a fixed delay to every API answer, 0 to ${MAX_LATENCY_MS}, in either profile
  --fail-rate R         answer this share of API requests with 500 (0 to 1; allows faults)
  --throttle-rate R     answer this share with 429 and Retry-After (0 to 1; allows faults)
  --allow-faults        honour the x-sandbox-fault header and POST/DELETE /_sandbox/faults
  --help                show this help`;

export interface CliOptions {
  port: number;
  host: string;
  seed: number;
  count: number;
  anchorDate: string | undefined;
  auth: 'on' | 'off';
  issuer: string;
  jwksFile: string | undefined;
  latencyMs: number;
  profile: ProfileOptions;
  failRate: number;
  throttleRate: number;
  allowFaults: boolean;
}

export type CliParse =
  { kind: 'help' } | { kind: 'run'; options: CliOptions } | { kind: 'error'; message: string };

class CliError extends Error {}

function wholeNumber(
  option: string,
  text: string | undefined,
  fallback: number,
  max: number,
): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > max) {
    throw new CliError(`--${option} must be a whole number from 0 to ${max}, got '${text}'`);
  }
  return value;
}

function share(option: string, text: string | undefined): number {
  if (text === undefined) return 0;
  const value = Number(text);
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(text) || value > 1) {
    throw new CliError(
      `--${option} must be a number from 0 to 1 (e.g. 0.1 for 10%), got '${text}'`,
    );
  }
  return value;
}

function positive(option: string, text: string | undefined, min: number, max: number) {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(text) || value < min || value > max) {
    throw new CliError(`--${option} must be a number from ${min} to ${max}, got '${text}'`);
  }
  return value;
}

const PROFILE_TUNING = [
  'latency-seed',
  'latency-scale',
  'throttle-burst',
  'throttle-refill',
] as const;

function profileOptions(values: Record<string, string | boolean | undefined>): ProfileOptions {
  const name = values.profile;
  if (typeof name === 'string' && !(PROFILE_NAMES as readonly string[]).includes(name)) {
    throw new CliError(`--profile must be ${PROFILE_NAMES.join(' or ')}, got '${name}'`);
  }
  if (name !== 'partner-center') {
    const tuned = PROFILE_TUNING.find((option) => values[option] !== undefined);
    if (tuned !== undefined) throw new CliError(`--${tuned} needs --profile partner-center`);
    return name === undefined ? {} : { name: 'fast' };
  }
  const text = (option: (typeof PROFILE_TUNING)[number]) => {
    const value = values[option];
    return typeof value === 'string' ? value : undefined;
  };
  const seedText = text('latency-seed');
  const burstText = text('throttle-burst');
  if (burstText === '0') {
    throw new CliError(
      `--throttle-burst must be a whole number from 1 to ${MAX_THROTTLE_BURST}, got '0'`,
    );
  }
  return {
    name,
    ...(seedText === undefined
      ? {}
      : { latencySeed: wholeNumber('latency-seed', seedText, 0, 0xffffffff) }),
    ...(burstText === undefined
      ? {}
      : { throttleBurst: wholeNumber('throttle-burst', burstText, 0, MAX_THROTTLE_BURST) }),
    latencyScale: positive('latency-scale', text('latency-scale'), 0, MAX_LATENCY_SCALE),
    throttleRefillPerSecond: positive(
      'throttle-refill',
      text('throttle-refill'),
      MIN_THROTTLE_REFILL,
      MAX_THROTTLE_REFILL,
    ),
  };
}

/** Parses and checks the sandbox's flags; every problem names its option. */
export function parseCliArgs(argv: readonly string[]): CliParse {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        count: { type: 'string' },
        'anchor-date': { type: 'string' },
        auth: { type: 'string' },
        issuer: { type: 'string' },
        'jwks-file': { type: 'string' },
        'latency-ms': { type: 'string' },
        profile: { type: 'string' },
        'latency-seed': { type: 'string' },
        'latency-scale': { type: 'string' },
        'throttle-burst': { type: 'string' },
        'throttle-refill': { type: 'string' },
        'fail-rate': { type: 'string' },
        'throttle-rate': { type: 'string' },
        'allow-faults': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) return { kind: 'help' };
    if (positionals.length > 0) throw new CliError(`unexpected argument '${positionals[0]}'`);

    const auth = values.auth ?? 'on';
    if (auth !== 'on' && auth !== 'off')
      throw new CliError(`--auth must be on or off, got '${auth}'`);
    const anchorDate = values['anchor-date'];
    if (anchorDate !== undefined && parseAnchorDate(anchorDate) === undefined) {
      throw new CliError(
        `--anchor-date must be a real date written YYYY-MM-DD, got '${anchorDate}'`,
      );
    }
    const issuer = values.issuer ?? DEFAULT_ISSUER;
    if (!/^https?:\/\//.test(issuer) || !URL.canParse(issuer)) {
      throw new CliError(`--issuer must be an http(s) URL, got '${issuer}'`);
    }
    const host = values.host ?? DEFAULT_HOST;
    if (host.trim() === '') throw new CliError('--host must not be empty');
    const jwksFile = values['jwks-file'];
    if (jwksFile !== undefined && jwksFile.trim() === '')
      throw new CliError('--jwks-file must name a file');
    const failRate = share('fail-rate', values['fail-rate']);
    const throttleRate = share('throttle-rate', values['throttle-rate']);
    if (failRate + throttleRate > 1) {
      throw new CliError('--fail-rate and --throttle-rate together must not exceed 1');
    }
    return {
      kind: 'run',
      options: {
        port: wholeNumber('port', values.port, DEFAULT_CLI_PORT, 65535),
        host,
        seed: wholeNumber('seed', values.seed, DEFAULT_SEED, 0xffffffff),
        count: wholeNumber('count', values.count, DEFAULT_COUNT, MAX_COUNT),
        anchorDate,
        auth,
        issuer,
        jwksFile,
        latencyMs: wholeNumber('latency-ms', values['latency-ms'], 0, MAX_LATENCY_MS),
        profile: profileOptions(values),
        failRate,
        throttleRate,
        allowFaults: values['allow-faults'] === true,
      },
    };
  } catch (error) {
    if (error instanceof CliError) return { kind: 'error', message: error.message };
    if (error instanceof TypeError && 'code' in error) {
      if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
        const option = /'(-[^']*)'/.exec(error.message)?.[1] ?? 'given';
        return { kind: 'error', message: `unknown option ${option}` };
      }
      // parseArgs' other errors (a missing value, a value given to a flag) already name the option.
      return { kind: 'error', message: error.message };
    }
    throw error;
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}
