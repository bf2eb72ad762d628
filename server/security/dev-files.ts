import { posix } from 'node:path';
import type { Middleware } from '../proxy/referrals-proxy';

// What `npm start`'s Vite dev server may serve from the project folder: the app's sources, public/,
// dependencies and index.html. Everything else in the folder (.local/ with the sandbox identity
// provider's private signing key, server/, e2e/, bench/, .env files, package*.json, ...) is not for
// the browser. Vite's own `server.fs` options refuse most of it; the guard in front refuses every
// spelling of it (percent-encoded, /@fs/ and /@id/ absolute paths, ?raw/?url/?import, any letter
// case) before Vite or anything else sees the request.

/** Folders and files of the project root the dev server serves. */
export const SERVED_ROOT_ENTRIES = ['src', 'public', 'node_modules', 'index.html'] as const;

/** Always refused, wherever they are: secrets by their names. */
const SECRET_FILE =
  /(^\.env(\..*)?$)|\.(pem|key|crt|cer|der|p12|pfx|jwk|jks)$|^\.npmrc$|^\.yarnrc/i;

/** Vite's `server.fs` options for the project at `root` (an absolute path without a trailing slash). */
export function viteFileServingOptions(root: string) {
  return {
    strict: true,
    allow: SERVED_ROOT_ENTRIES.map((entry) => `${root}/${entry}`),
    // Vite's defaults, plus the secrets the guard also refuses (Vite matches these without case).
    deny: [
      '.env',
      '.env.*',
      '*.{crt,pem,key,p12,pfx,cer,der,jwk,jks}',
      '.npmrc',
      '.yarnrc.yml',
      '**/.git/**',
      '**/.local/**',
    ],
  };
}

// Enough rounds to see through double and triple encoding; more is an attack, not a client.
const MAX_DECODE_ROUNDS = 4;

function fullyDecoded(raw: string): string | null {
  let path = raw;
  for (let round = 0; round < MAX_DECODE_ROUNDS; round += 1) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return null;
    }
    if (decoded === path) return path;
    path = decoded;
  }
  // Still changing after four rounds: nobody's browser asks for that.
  return null;
}

/**
 * Whether the dev server may answer this request target. `root` is the project folder (absolute,
 * forward slashes, no trailing slash). Paths outside the project (`/@fs/etc/passwd`) are left to
 * Vite's `server.fs.allow`, which refuses them.
 */
export function isServableDevTarget(rawTarget: string, root: string): boolean {
  const rawPath = rawTarget.split(/[?#]/, 1)[0] ?? '';
  const decoded = fullyDecoded(rawPath);
  if (decoded === null) return false;
  // A NUL never names a file (it has been used to slip past checks); backslashes count as slashes,
  // as Windows reads them.
  if (decoded.includes('\0')) return false;
  let path = posix.normalize(decoded.replaceAll('\\', '/'));
  // `/@fs/<project>/x` and `/@id/<project>/x` are `/x`.
  const rootLower = root.toLowerCase();
  for (const prefix of ['/@fs', '/@id', '/@id/@fs']) {
    const lower = path.toLowerCase();
    if (lower === `${prefix}${rootLower}` || lower.startsWith(`${prefix}${rootLower}/`)) {
      path = path.slice(prefix.length + root.length) || '/';
    }
  }
  // Leading `@` segments (`/@fs/`, `/@id/`, `/@vite/`) are Vite's prefixes: the rules apply to what
  // follows. What is left of `/@fs/...` is outside the project, where Vite's `server.fs.allow` refuses
  // everything but dependencies.
  const segments = path.split('/').filter((segment) => segment !== '');
  while (segments[0]?.startsWith('@')) segments.shift();
  if (segments.some((segment) => SECRET_FILE.test(segment))) return false;
  // Dot folders and files are never served, except Vite's own dependency cache.
  const dotted = segments.findIndex((segment) => segment.startsWith('.'));
  const viteCache =
    dotted === 1 && segments[0]?.toLowerCase() === 'node_modules' && segments[1] === '.vite';
  if (dotted !== -1 && !viteCache) return false;
  const first = segments[0]?.toLowerCase();
  if (first === undefined) return true;
  return !DENIED_ROOT_ENTRIES.some((entry) =>
    typeof entry === 'string' ? entry === first : entry.test(first),
  );
}

/**
 * Project-root entries that are not the app: refused at the path's first segment, in any letter
 * case (a case-insensitive disk would serve `/SERVER/...`). Client-side routes never use these names.
 */
const DENIED_ROOT_ENTRIES: readonly (string | RegExp)[] = [
  'server',
  'e2e',
  'bench',
  'dist',
  'coverage',
  'test-results',
  'playwright-report',
  'readme.md',
  /^package(-lock)?\.json$/,
  /^tsconfig.*\.json$/,
  /\.config\.[cm]?[jt]s$/,
  /\.tsbuildinfo$/,
];

/** Refuses (404, as if absent) every request for a file the browser has no business reading. */
export function createDevFileGuard(root: string): Middleware {
  const projectRoot = root.replaceAll('\\', '/').replace(/\/+$/, '');
  return (req, res, next) => {
    if (isServableDevTarget(req.url ?? '/', projectRoot)) {
      next();
      return;
    }
    res.writeHead(404, {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : 'Not found\n');
  };
}
