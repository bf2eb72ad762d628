// The sandbox Partner Center API: generated referrals behind GET /partner/v1/analytics/referrals, with the real
// API's auth, errors, headers, and faults on demand. server/start.ts, server/serve.ts, the CLI and tests start it here.
import { createServer } from 'node:http';
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { REFERRALS_PATH } from '../../src/lib/referrals/schema';
import { formatApiDate } from './data/calendar';
import { generateReferrals } from './data/generate';
import { prepareDataset } from './engine';
import { resolveSandboxOptions, type SandboxOptions } from './options';
import { answerUnreadableRequest } from '../security/request-limits';
import { describeProfile } from './profile';
import { createSandboxHandler, MAX_URL_LENGTH } from './server';

export { createSandboxHandler, FAULTS_PATH, PROFILE_PATH, type SandboxHandler } from './server';
export { generateReferrals } from './data/generate';
export { HOSTILE_CUSTOMER_NAMES } from './data/customer-names';
export { toPublicJwks, REQUIRED_SCOPE } from './auth';
export {
  resolveSandboxOptions,
  SandboxOptionError,
  DEFAULT_COUNT,
  DEFAULT_HOST,
  DEFAULT_SEED,
  type ResolvedSandboxOptions,
  type SandboxAuth,
  type SandboxOptions,
} from './options';
export { FAULT_STATUSES, type FaultRule } from './faults';
export {
  describeProfile,
  PROFILE_NAMES,
  type ProfileName,
  type ProfileOptions,
  type ResolvedProfile,
} from './profile';

export interface RunningSandbox {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:7071`; the API is at `${url}${REFERRALS_PATH}`. */
  url: string;
  close(): Promise<void>;
}

/** Request headers can hold the longest URL the handler answers itself (see MAX_URL_LENGTH). */
const MAX_HEADER_BYTES = MAX_URL_LENGTH + 16 * 1024;

const AUTH_OFF_WARNING = [
  '',
  '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
  '!!  SANDBOX AUTH IS OFF: every request is answered without an access token.   !!',
  '!!  Use it only for scripts and benchmarks on this machine.                     !!',
  '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
  '',
].join('\n');

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Generates the data, then listens. Throws SandboxOptionError for a bad option and the listen error (e.g.
 * EADDRINUSE) if the port cannot be bound.
 */
export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const resolved = resolveSandboxOptions(options);
  const started = performance.now();
  const dataset = prepareDataset(
    generateReferrals({ seed: resolved.seed, count: resolved.count, anchor: resolved.anchor }),
  );
  const handler = createSandboxHandler(resolved, dataset);
  const server = createServer(
    { maxHeaderSize: MAX_HEADER_BYTES, requestTimeout: 30_000, headersTimeout: 10_000 },
    handler,
  );
  // Past its head limit Node would answer a bare 431 (or 400): answer with Partner Center's body.
  server.on('clientError', answerUnreadableRequest('PartnerFD') as (e: Error, s: Socket) => void);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${urlHost(resolved.host)}:${port}`;

  if (resolved.auth === 'off') resolved.warn(AUTH_OFF_WARNING);
  resolved.log?.(
    `Sandbox Partner Center API at ${url}${REFERRALS_PATH}: ${resolved.count.toLocaleString('en-US')} ` +
      `referrals (seed ${resolved.seed}, created before ${formatApiDate(resolved.anchor).slice(0, 10)}), ` +
      `ready in ${Math.round(performance.now() - started)} ms; auth ` +
      `${resolved.auth === 'off' ? 'off' : `on (issuer ${resolved.auth.issuer})`}; faults ` +
      `${resolved.faultsEnabled ? 'allowed' : 'refused'}; ${describeProfile(resolved.profile)}` +
      (resolved.latencyMs > 0 ? `; every answer delayed ${resolved.latencyMs} ms more` : ''),
  );

  let closing: Promise<void> | undefined;
  return {
    url,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        handler.dispose();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
