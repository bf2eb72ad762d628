import type { IncomingHttpHeaders } from 'node:http';

/** The only request headers that reach the upstream API (lower case, as Node gives them). */
export const FORWARDED_REQUEST_HEADERS = [
  'authorization',
  'accept',
  'ms-requestid',
  'ms-correlationid',
  'x-locale',
] as const;

const FORWARDED_RESPONSE_HEADERS = new Set(['content-type', 'retry-after']);

/** Copies the allowlisted request headers; cookies, host, x-forwarded-* and the rest stay here. */
export function upstreamRequestHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = incoming[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  return headers;
}

/** The upstream response headers the browser gets: content type, `Retry-After` and `MS-*`. */
export function downstreamResponseHeaders(upstream: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  upstream.forEach((value, name) => {
    if (FORWARDED_RESPONSE_HEADERS.has(name) || name.startsWith('ms-')) kept[name] = value;
  });
  return kept;
}
