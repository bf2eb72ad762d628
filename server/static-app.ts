import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import type { AppRuntime } from './app-runtime';
import { negotiateContentCoding } from './compression';
import { createIndexHtmlHandler } from './index-html';
import type { Middleware } from './proxy/referrals-proxy';
import { createHostCheck } from './security/host-check';
import { createRequestSizeLimit } from './security/request-limits';

// Vite puts content-hashed files under /assets/: they can be cached for a year. Everything else
// (favicon, index.html) is revalidated so a new build is picked up at once.
const HASHED_ASSETS = '/assets/';

export interface StaticAppOptions {
  distDir: string;
  runtime: Pick<
    AppRuntime,
    'middleware' | 'transformIndexHtml' | 'allowedHosts' | 'securityHeaders'
  >;
}

/** The request handler of `npm run serve`: host check, identity provider and proxy, index.html, assets, 404. */
export function createStaticAppHandler({ distDir, runtime }: StaticAppOptions): RequestListener {
  const indexHtml = createIndexHtmlHandler({
    indexHtmlPath: join(distDir, 'index.html'),
    transform: runtime.transformIndexHtml,
  });
  const serveAsset = sirv(distDir, {
    dev: false,
    etag: true,
    dotfiles: false,
    // The .br and .gz copies written at build time (server/precompress-assets.ts), with Vary: Accept-Encoding.
    brotli: true,
    gzip: true,
    setHeaders: (res, pathname) => {
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader(
        'cache-control',
        pathname.startsWith(HASHED_ASSETS) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  const assets: Middleware = (req, res, next) => {
    // sirv pipes the file into the response with no error handler: a file removed or unreadable after start-up
    // (a new build copied over this one) would end the whole server, not just this response.
    res.once('pipe', (file) => file.once('error', (error) => fail(res, error)));
    // sirv looks for "br" and "gzip" in the header and ignores q-values: hand it only the coding negotiated here.
    const accepted = req.headers['accept-encoding'];
    req.headers['accept-encoding'] = negotiateContentCoding(accepted) ?? 'identity';
    try {
      serveAsset(req, res, () => next());
    } finally {
      req.headers['accept-encoding'] = accepted;
    }
  };
  const chain = [
    runtime.securityHeaders(),
    createHostCheck(runtime.allowedHosts),
    createRequestSizeLimit(),
    runtime.middleware,
    indexHtml,
    assets,
  ];

  return (req, res) => {
    const run = (index: number, error?: unknown): void => {
      if (error !== undefined) return fail(res, error);
      const middleware = chain[index];
      if (!middleware) return notFound(req, res);
      try {
        middleware(req, res, (nextError) => run(index + 1, nextError));
      } catch (thrown) {
        fail(res, thrown);
      }
    };
    run(0);
  };
}

function notFound(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(404, {
    'content-type': 'text/plain; charset=utf-8',
    'x-content-type-options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : 'Not found\n');
}

function fail(res: ServerResponse, error: unknown): void {
  console.error('Referral Lens server error:', error instanceof Error ? error.message : error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Internal server error\n');
}
