import type { Plugin } from 'vite';
import type { AppRuntime } from './app-runtime';
import { createDevFileGuard } from './security/dev-files';
import { createHostCheck } from './security/host-check';
import { createRequestSizeLimit } from './security/request-limits';

/**
 * Puts Referral Lens's server side into Vite's dev server: the sandbox identity provider at
 * /oidc and the analytics proxy at /api behind a guard that refuses every file outside the app (the same middleware `npm run serve` uses), ahead of
 * Vite's own handlers, and the browser config in every index.html Vite serves.
 *
 * server/start.ts adds it to the inline config rather than vite.config.ts: Vite bundles the
 * config file's whole import graph for every build and Vitest run, and the runtime (with its
 * servers) belongs to the process that owns the port, not to config loading.
 */
export function referralLensServer(
  runtime: Pick<
    AppRuntime,
    'middleware' | 'transformIndexHtml' | 'allowedHosts' | 'securityHeaders'
  >,
  root: string,
  devNonce: string,
): Plugin {
  return {
    name: 'referral-lens-server',
    apply: 'serve',
    configureServer(server) {
      // Security headers on every answer, Vite's included.
      server.middlewares.use(runtime.securityHeaders(devNonce));
      // No handler, ours or Vite's, sees a request for another host (Vite's own host check stands
      // down when it serves https).
      server.middlewares.use(createHostCheck(runtime.allowedHosts));
      server.middlewares.use(createRequestSizeLimit());
      // The identity provider (/oidc) and the proxy (/api) serve no files; everything after them
      // is Vite's file serving, which never sees a request for a file outside the app.
      server.middlewares.use(runtime.middleware);
      server.middlewares.use(createDevFileGuard(root));
    },
    transformIndexHtml(html) {
      return runtime.transformIndexHtml(html);
    },
  };
}
