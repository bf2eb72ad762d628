import { randomBytes } from 'node:crypto';
import { createServer, type InlineConfig, type ViteDevServer } from 'vite';
import type { AppRuntime } from './app-runtime';
import { viteFileServingOptions } from './security/dev-files';
import { referralLensServer } from './vite-plugin';

export interface DevServerOptions {
  /** The project folder (absolute, no trailing slash). */
  root: string;
  runtime: Pick<
    AppRuntime,
    'middleware' | 'transformIndexHtml' | 'tls' | 'allowedHosts' | 'securityHeaders'
  >;
  host: string;
  port: number;
  /** Extra Vite settings for tests (no config file, no dependency scan). */
  overrides?: InlineConfig;
}

/** `npm start`'s Vite dev server, with Referral Lens's server side in front of Vite's handlers. */
export function createDevServer({
  root,
  runtime,
  host,
  port,
  overrides = {},
}: DevServerOptions): Promise<ViteDevServer> {
  // Vite's dev page has an inline script (React's refresh preamble) and injects CSS as <style>
  // elements: Vite marks both with this nonce, which the dev policy allows. One per process, not per
  // page: acceptable for a development server on localhost; the built app needs no nonce at all.
  const devNonce = randomBytes(18).toString('base64');
  return createServer({
    root,
    clearScreen: false,
    ...overrides,
    html: { cspNonce: devNonce },
    plugins: [referralLensServer(runtime, root, devNonce), ...(overrides.plugins ?? [])],
    server: {
      host,
      port,
      // The identity provider's issuer and the redirect URI name this port: no other will do.
      strictPort: port !== 0,
      https: runtime.tls ?? undefined,
      // A same-origin app: no other site needs to read these responses.
      cors: false,
      // Checked by our middleware for every request; Vite checks its HMR WebSocket against it too.
      allowedHosts: runtime.allowedHosts,
      // Only the app's sources, public/, dependencies and index.html; never .local/ or server/.
      fs: viteFileServingOptions(root),
      ...overrides.server,
    },
  });
}
