import { readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { extname } from 'node:path';
import type { Middleware } from './proxy/referrals-proxy';

// The built app's index.html with the browser config injected, for `/` and for every client-side
// route (`/referrals/123`): the server half of a single-page app.

const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  // The config inside changes with the server's settings: never reuse an old copy.
  'cache-control': 'no-cache',
  'x-content-type-options': 'nosniff',
  // MSAL's silent renewal frames this page on its own origin; nothing else may.
  'x-frame-options': 'SAMEORIGIN',
  'referrer-policy': 'no-referrer',
};

export interface IndexHtmlOptions {
  indexHtmlPath: string;
  transform(html: string): string;
}

/** Answers navigations (GET/HEAD of `/`, `/index.html` or an extension-less path wanting HTML). */
export function createIndexHtmlHandler({ indexHtmlPath, transform }: IndexHtmlOptions): Middleware {
  let cached: Promise<string> | undefined;
  const page = () => (cached ??= readFile(indexHtmlPath, 'utf8').then(transform));

  return (req, res, next) => {
    if (!isNavigation(req)) {
      next();
      return;
    }
    page().then(
      (html) => {
        res.writeHead(200, { ...HTML_HEADERS, 'content-length': Buffer.byteLength(html) });
        res.end(req.method === 'HEAD' ? undefined : html);
      },
      (error: unknown) => {
        cached = undefined;
        next(error);
      },
    );
  };
}

function isNavigation(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
  if (path === '/' || path === '/index.html') return true;
  if (extname(path) !== '') return false;
  return (req.headers.accept ?? '').includes('text/html');
}
