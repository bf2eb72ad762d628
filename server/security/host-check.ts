import type { IncomingMessage } from 'node:http';
import type { Settings } from '../config';
import type { Middleware } from '../proxy/referrals-proxy';

// A request must name this server: a page on another name (DNS rebinding, a poisoned link through
// some other host) never reaches the app, the identity provider or the proxy.

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** The host names (lower case, without port) this server answers for. */
export function allowedHostsFor(settings: Settings): string[] {
  const hosts = new Set(LOOPBACK_NAMES);
  if (settings.mode === 'live') hosts.add(new URL(settings.redirectUri).hostname.toLowerCase());
  for (const host of settings.allowedHosts) hosts.add(host.toLowerCase());
  return [...hosts];
}

/** The host name a request names (`Host`, or HTTP/2's `:authority`), lower case; null if malformed. */
export function requestHostName(req: IncomingMessage): string | null {
  const authority = req.headers[':authority'];
  const value = typeof authority === 'string' && authority !== '' ? authority : req.headers.host;
  if (typeof value !== 'string' || value === '' || /[\s/\\?#@]/.test(value)) return null;
  const parsed = URL.parse(`http://${value}`);
  if (!parsed || parsed.host.toLowerCase() !== value.toLowerCase().replace(/:80$/, '')) {
    return null;
  }
  return parsed.hostname.toLowerCase();
}

/**
 * Answers 421 Misdirected Request, before any other handler, when the request names a host this
 * server is not configured for (or none). The host is not echoed back.
 */
export function createHostCheck(allowedHosts: readonly string[]): Middleware {
  const allowed = new Set(allowedHosts.map((host) => host.toLowerCase()));
  return (req, res, next) => {
    const host = requestHostName(req);
    if (host !== null && allowed.has(host)) {
      next();
      return;
    }
    const body =
      'This server does not answer for the host named in this request. Use its configured address, ' +
      'or add the host to ALLOWED_HOSTS.\n';
    res.writeHead(421, {
      'content-type': 'text/plain; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
