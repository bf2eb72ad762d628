import { z } from 'zod';
import { createRandom, type Random } from './random';

/** Statuses a test may ask for: the ones the contract says matter, and the 4xx a client must also survive. */
export const FAULT_STATUSES = [400, 401, 403, 404, 408, 429, 500, 502, 503, 504] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];

export interface Fault {
  status: FaultStatus;
  /** Seconds for Retry-After (429 and 503). */
  retryAfter?: number;
  /** Why the sandbox answers this way, for the error body. */
  reason: string;
  /** A 401/403 saying the sign-in lacked multifactor authentication, as Partner Center refuses one. */
  mfa?: boolean;
}

export const FAULTS_DISABLED =
  'Sandbox faults are disabled: start the sandbox with --allow-faults (allowFaults: true) to use them';

const DEFAULT_RETRY_AFTER_SECONDS = 1;
const MAX_RETRY_AFTER_SECONDS = 3600;
const MAX_RULES = 100;

const faultStatusSchema = z
  .number()
  .int()
  .refine(
    (status): status is FaultStatus => (FAULT_STATUSES as readonly number[]).includes(status),
    {
      message: `must be one of ${FAULT_STATUSES.join(', ')}`,
    },
  );

/** The control endpoint's body: `{ status, times?, match?, retryAfter? }`; unknown keys are typos, so refused. */
export const faultRuleSchema = z
  .strictObject({
    status: faultStatusSchema,
    times: z.number().int().min(1).max(10_000).default(1),
    match: z.string().min(1).max(1024).optional(),
    retryAfter: z.number().int().min(0).max(MAX_RETRY_AFTER_SECONDS).optional(),
    mfa: z.boolean().optional(),
  })
  .refine((rule) => !rule.mfa || rule.status === 401 || rule.status === 403, {
    message: 'mfa goes with status 401 or 403',
    path: ['mfa'],
  });

export type FaultRule = z.infer<typeof faultRuleSchema>;

export type HeaderFault =
  { kind: 'none' } | { kind: 'fault'; fault: Fault } | { kind: 'invalid'; description: string };

/** Reads `x-sandbox-fault: <status>` (and optional `x-sandbox-retry-after: <seconds>`). */
export function readFaultHeader(
  value: string | undefined,
  retryAfter: string | undefined,
): HeaderFault {
  if (value === undefined) return { kind: 'none' };
  const status = Number(value.trim());
  const parsed = faultStatusSchema.safeParse(status);
  if (value.trim() === '' || !parsed.success) {
    return {
      kind: 'invalid',
      description: `x-sandbox-fault must be one of ${FAULT_STATUSES.join(', ')}`,
    };
  }
  let seconds: number | undefined;
  if (retryAfter !== undefined) {
    seconds = Number(retryAfter.trim());
    if (
      retryAfter.trim() === '' ||
      !Number.isInteger(seconds) ||
      seconds < 0 ||
      seconds > MAX_RETRY_AFTER_SECONDS
    ) {
      return {
        kind: 'invalid',
        description: `x-sandbox-retry-after must be whole seconds from 0 to ${MAX_RETRY_AFTER_SECONDS}`,
      };
    }
  }
  return {
    kind: 'fault',
    fault: withRetryAfter(parsed.data, seconds, 'asked for by x-sandbox-fault'),
  };
}

function withRetryAfter(
  status: FaultStatus,
  retryAfter: number | undefined,
  reason: string,
): Fault {
  if (status !== 429 && status !== 503) return { status, reason };
  return { status, reason, retryAfter: retryAfter ?? DEFAULT_RETRY_AFTER_SECONDS };
}

function decodedQuery(query: string): string {
  try {
    return decodeURIComponent(query.replaceAll('+', ' '));
  } catch {
    return query;
  }
}

export interface FaultInjectorOptions {
  seed: number;
  failRate: number;
  throttleRate: number;
}

/**
 * The sandbox's fault plan: rules queued through the control endpoint (first match wins, each fires `times`
 * times) and random 429s and 500s at fixed rates. The rates draw from their own PRNG so a given seed fails the
 * same requests in the same order on every run, whatever the data looks like.
 */
export class FaultInjector {
  private readonly random: Random;
  private rules: FaultRule[] = [];

  constructor(private readonly options: FaultInjectorOptions) {
    // A different stream from the data generator's, derived from the same seed.
    this.random = createRandom((options.seed ^ 0x5eedfa17) >>> 0);
  }

  /** Adds a rule; false when the queue is full (a runaway test, not a plan). */
  addRule(rule: FaultRule): boolean {
    if (this.rules.length >= MAX_RULES) return false;
    this.rules.push({ ...rule });
    return true;
  }

  clearRules(): void {
    this.rules = [];
  }

  listRules(): FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  /** The fault for an API request with this raw query string (without `?`), if any. */
  next(query: string): Fault | undefined {
    const ruled = this.fromRules(query);
    if (ruled) return ruled;
    const { throttleRate, failRate } = this.options;
    if (throttleRate === 0 && failRate === 0) return undefined;
    const draw = this.random.next();
    if (draw < throttleRate) {
      return {
        status: 429,
        retryAfter: 1 + this.random.int(3),
        reason: 'random throttling (--throttle-rate)',
      };
    }
    if (draw < throttleRate + failRate)
      return { status: 500, reason: 'random failure (--fail-rate)' };
    return undefined;
  }

  private fromRules(query: string): Fault | undefined {
    if (this.rules.length === 0) return undefined;
    const decoded = decodedQuery(query);
    const index = this.rules.findIndex(
      (rule) =>
        rule.match === undefined || query.includes(rule.match) || decoded.includes(rule.match),
    );
    const rule = this.rules[index];
    if (rule === undefined) return undefined;
    rule.times -= 1;
    if (rule.times <= 0) this.rules.splice(index, 1);
    const fault = withRetryAfter(rule.status, rule.retryAfter, 'queued with POST /_sandbox/faults');
    return rule.mfa ? { ...fault, mfa: true } : fault;
  }
}
