import { readFile } from 'node:fs/promises';
import {
  DEFAULT_COUNT,
  DEFAULT_SEED,
  describeProfile,
  resolveSandboxOptions,
  startSandbox,
  type RunningSandbox,
} from './sandbox/index';
import {
  liveBrowserConfig,
  sandboxBrowserConfig,
  injectBrowserConfig,
  type BrowserConfig,
} from './browser-config';
import { ConfigError, isLoopback, type LiveSettings, type Settings } from './config';
import { PAGE_CONTENT_SECURITY_POLICY } from './idp/pages';
import { createSandboxIdentityProvider } from './idp/provider';
import { ensureLocalSecrets, DEFAULT_SECRETS_DIR } from './local-secrets';
import { appContentSecurityPolicy, createSecurityHeaders } from './security/headers';
import { allowedHostsFor } from './security/host-check';
import {
  createReferralsProxy,
  formatProxyLogEntry,
  type Middleware,
} from './proxy/referrals-proxy';

// Everything `npm start` (Vite), `npm run serve` and `vite preview` share: the certificate, the
// sandbox identity provider and API (sandbox mode), the proxy, and the browser config.

export interface RuntimeLog {
  info(line: string): void;
  error(line: string): void;
}

export interface TlsFiles {
  cert: string;
  key: string;
}

export interface AppRuntime {
  settings: Settings;
  /** The one origin the browser uses, e.g. `https://localhost:5173/`. */
  url: string;
  /** null: serve plain http (live mode on localhost without a certificate). */
  tls: TlsFiles | null;
  browserConfig: BrowserConfig;
  /** Host names requests may name (server/security/host-check.ts); anything else is a 421. */
  allowedHosts: string[];
  /**
   * Sets the security headers (server/security/headers.ts) on every answer; `devNonce` is the nonce
   * of Vite's inline scripts and styles under `npm start`.
   */
  securityHeaders(devNonce?: string): Middleware;
  /** The identity provider (sandbox mode) and the analytics proxy; other requests go to next(). */
  middleware: Middleware;
  transformIndexHtml(html: string): string;
  close(): Promise<void>;
}

export interface AppRuntimeOptions {
  log: RuntimeLog;
  secretsDir?: string;
}

/** The app's URL for these settings; known before anything starts, so it can be printed first. */
export function appUrlFor(settings: Settings): string {
  if (settings.mode === 'sandbox') return `https://localhost:${settings.port}/`;
  const redirect = new URL(settings.redirectUri);
  if (isLoopback(redirect.hostname)) return `${redirect.origin}/`;
  return `${settings.tls ? 'https' : 'http'}://localhost:${settings.port}/`;
}

/** Whether the app is served with `.local/`'s self-signed certificate (the browser warns once). */
export function usesLocalCertificate(settings: Settings): boolean {
  return settings.mode === 'sandbox' || (!settings.tls && appUrlFor(settings).startsWith('https:'));
}

export async function startAppRuntime(
  settings: Settings,
  options: AppRuntimeOptions,
): Promise<AppRuntime> {
  return settings.mode === 'sandbox'
    ? startSandboxRuntime(settings, options)
    : startLiveRuntime(settings, options);
}

async function startSandboxRuntime(
  settings: Extract<Settings, { mode: 'sandbox' }>,
  { log, secretsDir = DEFAULT_SECRETS_DIR }: AppRuntimeOptions,
): Promise<AppRuntime> {
  const secrets = await ensureLocalSecrets(secretsDir);
  if (secrets.created.length > 0) {
    log.info(`Made ${secrets.created.join(', ')} in ${secretsDir} (kept for later runs).`);
  }
  const url = appUrlFor(settings);
  const issuer = `${new URL(url).origin}/oidc`;
  const idp = await createSandboxIdentityProvider({
    issuer,
    appUrl: url,
    signingKey: secrets.signingKey,
    accessTokenTtlSeconds: settings.sandbox.accessTokenTtlSeconds,
    logError: log.error,
  });
  const sandboxOptions = {
    host: '127.0.0.1',
    port: settings.sandbox.port,
    seed: settings.sandbox.seed,
    count: settings.sandbox.count,
    anchorDate: settings.sandbox.anchorDate,
    auth: { issuer, jwks: secrets.publicJwks },
    allowFaults: settings.sandbox.allowFaults,
    latencyMs: settings.sandbox.latencyMs,
    profile: settings.sandbox.profile,
  };
  const sandbox: RunningSandbox = await startSandbox(sandboxOptions);
  // One line of our own: the sandbox's per-request log would repeat the proxy's, with queries.
  log.info(
    `Sandbox Partner Center API at ${sandbox.url}: ${(settings.sandbox.count ?? DEFAULT_COUNT).toLocaleString('en-US')} ` +
      `referrals (seed ${settings.sandbox.seed ?? DEFAULT_SEED}, ending ${settings.sandbox.anchorDate ?? 'today'}), ` +
      `faults ${settings.sandbox.allowFaults ? 'allowed' : 'refused'}` +
      (settings.sandbox.profile.name === 'partner-center'
        ? `, ${describeProfile(resolveSandboxOptions(sandboxOptions).profile)}`
        : '') +
      (settings.sandbox.latencyMs > 0
        ? `, every answer delayed ${settings.sandbox.latencyMs} ms.`
        : '.'),
  );
  const proxy = createReferralsProxy({
    upstream: sandbox.url,
    timeoutMs: settings.upstreamTimeoutMs,
    log: (entry) => log.info(formatProxyLogEntry(entry)),
  });
  const browserConfig = sandboxBrowserConfig(url, {
    ...idp,
    accessTokenTtlSeconds: settings.sandbox.accessTokenTtlSeconds,
  });

  return {
    settings,
    url,
    tls: { cert: secrets.cert, key: secrets.key },
    allowedHosts: allowedHostsFor(settings),
    securityHeaders: (devNonce) =>
      createSecurityHeaders({
        // The identity provider is this origin: 'self' covers it.
        appPolicy: appContentSecurityPolicy({ authorityOrigin: null, devNonce }),
        ownPolicies: [
          { pathPrefix: new URL(issuer).pathname, policy: PAGE_CONTENT_SECURITY_POLICY },
        ],
        https: true,
      }),
    browserConfig,
    middleware: (req, res, next) => idp.middleware(req, res, () => proxy(req, res, next)),
    transformIndexHtml: (html) => injectBrowserConfig(html, browserConfig),
    close: () => sandbox.close(),
  };
}

async function startLiveRuntime(
  settings: LiveSettings,
  { log, secretsDir = DEFAULT_SECRETS_DIR }: AppRuntimeOptions,
): Promise<AppRuntime> {
  const url = appUrlFor(settings);
  const redirect = new URL(settings.redirectUri);
  if (isLoopback(redirect.hostname) && settings.tls && redirect.protocol !== 'https:') {
    throw new ConfigError([
      'ENTRA_REDIRECT_URI: is http but TLS_CERT_FILE makes the app serve https; register and set the https address',
    ]);
  }
  const tls = settings.tls
    ? await readTlsFiles(settings.tls.certFile, settings.tls.keyFile)
    : usesLocalCertificate(settings)
      ? await ensureLocalSecrets(secretsDir)
      : null;
  const proxy = createReferralsProxy({
    upstream: settings.partnerCenterBaseUrl,
    timeoutMs: settings.upstreamTimeoutMs,
    log: (entry) => log.info(formatProxyLogEntry(entry)),
  });
  const browserConfig = liveBrowserConfig(settings);

  return {
    settings,
    url,
    tls: tls ? { cert: tls.cert, key: tls.key } : null,
    allowedHosts: allowedHostsFor(settings),
    securityHeaders: (devNonce) =>
      createSecurityHeaders({
        appPolicy: appContentSecurityPolicy({
          authorityOrigin: new URL(settings.authority).origin,
          devNonce,
        }),
        https: tls !== null,
      }),
    browserConfig,
    middleware: proxy,
    transformIndexHtml: (html) => injectBrowserConfig(html, browserConfig),
    close: async () => {},
  };
}

async function readTlsFiles(certFile: string, keyFile: string): Promise<TlsFiles> {
  const read = async (setting: string, path: string) => {
    try {
      return await readFile(path, 'utf8');
    } catch {
      throw new ConfigError([`${setting}: cannot read ${path}`]);
    }
  };
  return {
    cert: await read('TLS_CERT_FILE', certFile),
    key: await read('TLS_KEY_FILE', keyFile),
  };
}
