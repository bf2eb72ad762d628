import { randomBytes } from 'node:crypto';
import type { Http2SecureServer } from 'node:http2';
import type { Socket } from 'node:net';
import { createServer, type InlineConfig, type ViteDevServer } from 'vite';
import type { AppRuntime } from './app-runtime';
import { viteFileServingOptions } from './security/dev-files';
import {
  HTTP2_MAX_HEADER_LIST_BYTES,
  MAX_REQUEST_HEAD_BYTES,
  answerUnreadableRequest,
} from './security/request-limits';
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
/** `npm run serve`'s request limits on Vite's own server (HTTP/2 over https, else HTTP/1.1). */
function applyRequestLimits(server: ViteDevServer): void {
  const http = server.httpServer;
  if (!http) return;
  // HTTP/1.1 connections are read by node:http's parser, which takes its limit from the server.
  (http as unknown as { maxHeaderSize: number }).maxHeaderSize = MAX_REQUEST_HEAD_BYTES;
  if ('updateSettings' in http) {
    (http as Http2SecureServer).updateSettings({ maxHeaderListSize: HTTP2_MAX_HEADER_LIST_BYTES });
  }
  http.on('clientError', answerUnreadableRequest() as (error: Error, socket: Socket) => void);
}

export async function createDevServer({
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
  const server = await createServer({
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
  applyRequestLimits(server);
  return server;
}
