import type { IncomingMessage, ServerResponse } from 'node:http';
import { REFERRALS_PATH } from '../../src/lib/referrals/schema';
import { createTokenVerifier, type AuthResult } from './auth';
import { executeReferralsQuery, type Dataset } from './engine';
import { handleFaultControl } from './fault-control';
import { FAULTS_DISABLED, FaultInjector, readFaultHeader } from './faults';
import type { ResolvedSandboxOptions } from './options';
import { activateProfile, type ActiveProfile } from './profile';
import { handleProfileControl } from './profile-control';
import { sendBytes, sendError, sendFault, sendUnauthorized } from './responses';
import { createBodySerializer } from './serialize';

export const FAULTS_PATH = '/_sandbox/faults';
export const PROFILE_PATH = '/_sandbox/profile';

/**
 * Longest request target answered normally. The contract's 4096-character filter can take nine bytes a character
 * once percent-encoded (CJK text), so the limit leaves room for that and the other parameters: the engine then
 * answers an over-long filter with its own precise 400.
 */
export const MAX_URL_LENGTH = 48 * 1024;

const LOGGED_TARGET_LENGTH = 160;

export interface SandboxHandler {
  (req: IncomingMessage, res: ServerResponse): void;
  /** Cancels answers still waiting on the configured latency. */
  dispose(): void;
}

/** The sandbox's routes over a prepared dataset, usable with any node:http server. */
export function createSandboxHandler(
  options: ResolvedSandboxOptions,
  dataset: Dataset,
): SandboxHandler {
  const verify = options.auth === 'off' ? undefined : createTokenVerifier(options.auth);
  const faults = new FaultInjector(options);
  // Replaced through /_sandbox/profile (tests and benches); a request keeps the profile it arrived under.
  let profile: ActiveProfile = activateProfile(options.profile);
  const pending = new Set<NodeJS.Timeout>();
  const serialize = createBodySerializer();
  serialize.warm(dataset.rows);

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(timer);
        resolve();
      }, ms);
      pending.add(timer);
    });

  async function answerReferrals(
    req: IncomingMessage,
    res: ServerResponse,
    query: string,
  ): Promise<void> {
    const { buckets, latency } = profile;
    if (options.latencyMs > 0) await wait(options.latencyMs);
    if (res.destroyed) return;
    // Without auth every request counts against one caller.
    let caller = 'anonymous';
    if (verify) {
      const result: AuthResult = await verify(req.headers.authorization);
      if (!result.ok) return sendUnauthorized(req, res, result.description);
      caller = result.caller;
    }
    const headerFault = readFaultHeader(
      header(req, 'x-sandbox-fault'),
      header(req, 'x-sandbox-retry-after'),
    );
    if (headerFault.kind !== 'none' && !options.faultsEnabled) {
      return sendError(req, res, 403, FAULTS_DISABLED);
    }
    if (headerFault.kind === 'invalid') return sendError(req, res, 400, headerFault.description);
    if (headerFault.kind === 'fault') return sendFault(req, res, headerFault.fault);
    // The gateway refuses a throttled request at once, before the service does any work.
    const admission = buckets?.take(caller);
    if (admission?.admitted === false) {
      return sendFault(req, res, {
        status: 429,
        retryAfter: admission.retryAfterSeconds,
        reason: 'throttled (partner-center profile)',
      });
    }
    if (options.faultsEnabled) {
      const fault = faults.next(query);
      if (fault) return sendFault(req, res, fault);
    }
    const answer = executeReferralsQuery(dataset, new URLSearchParams(query));
    const encoded = serialize(answer.body);
    // Only a response that finished has written its bytes; after a hang-up they are simply not reused.
    res.once('finish', encoded.release);
    if (latency) {
      await wait(latency.latencyMs(query, encoded.bytes.length));
      if (res.destroyed) return;
    }
    sendBytes(req, res, answer.status, encoded.bytes);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = req.url ?? '/';
    if (target.length > MAX_URL_LENGTH) {
      return sendError(
        req,
        res,
        414,
        `The request URL is longer than ${MAX_URL_LENGTH} characters`,
      );
    }
    const queryStart = target.indexOf('?');
    const path = queryStart < 0 ? target : target.slice(0, queryStart);
    const query = queryStart < 0 ? '' : target.slice(queryStart + 1);
    if (path === REFERRALS_PATH) {
      if (req.method !== 'GET') {
        return sendError(
          req,
          res,
          405,
          `${req.method ?? 'This method'} is not allowed here: use GET`,
          {
            Allow: 'GET',
          },
        );
      }
      return answerReferrals(req, res, query);
    }
    if (path === FAULTS_PATH) return handleFaultControl(req, res, faults, options.faultsEnabled);
    if (path === PROFILE_PATH) {
      return handleProfileControl(req, res, {
        enabled: options.faultsEnabled,
        dataSeed: options.seed,
        current: () => profile.settings,
        use: (settings) => {
          profile = activateProfile(settings ?? options.profile);
          return profile.settings;
        },
      });
    }
    sendError(
      req,
      res,
      404,
      `Nothing is served at ${truncate(path, 200)}: the API is GET ${REFERRALS_PATH}`,
    );
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const started = performance.now();
    if (options.log) {
      const log = options.log;
      res.once('finish', () => {
        const elapsed = (performance.now() - started).toFixed(1);
        log(
          `${req.method} ${truncate(req.url ?? '', LOGGED_TARGET_LENGTH)} ${res.statusCode} ${elapsed} ms`,
        );
      });
    }
    route(req, res).catch((error: unknown) => {
      // A bug, not a client's doing: say so without details, keep serving.
      options.log?.(
        `sandbox error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      sendError(req, res, 500, 'The sandbox failed to answer this request');
    });
  };
  return Object.assign(handler, {
    dispose() {
      serialize.dispose();
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    },
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
