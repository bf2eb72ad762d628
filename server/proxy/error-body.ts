import type { ServerResponse } from 'node:http';

/** Where errors made by the proxy itself (not relayed from upstream) say they come from. */
export const PROXY_ERROR_SOURCE = 'ReferralLensProxy';

export type ProxyErrorCode =
  | 'BadRequestTarget'
  | 'NotFound'
  | 'MethodNotAllowed'
  | 'UpstreamTimeout'
  | 'UpstreamUnreachable'
  | 'UpstreamInvalidResponse'
  | 'RequestTooLong';

/** Answers in Partner Center's error body shape, so the app parses proxy and API errors alike. */
export function sendProxyError(
  res: ServerResponse,
  status: number,
  code: ProxyErrorCode,
  description: string,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify({ code, description, data: [], source: PROXY_ERROR_SOURCE });
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}
