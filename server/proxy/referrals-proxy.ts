import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { REFERRALS_PATH } from '../../src/lib/referrals/schema';
import {
  createEncoder,
  isCompressibleType,
  MIN_COMPRESSIBLE_BYTES,
  negotiateContentCoding,
  type ContentCoding,
} from '../compression';
import { sendProxyError } from './error-body';
import { downstreamResponseHeaders, upstreamRequestHeaders } from './headers';
import { classifyTarget } from './request-target';

/** A connect-style middleware, as Vite's dev and preview servers and server/serve.ts use. */
export type Middleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/** What the proxy logs about a request: never headers, never the query (it holds customer names). */
export interface ProxyLogEntry {
  method: string;
  path: string;
  status: number;
  durationMs: number;
  /** The request's `MS-RequestId`, or null when it sent none that looks like an id. */
  requestId: string | null;
}

export type ProxyLogger = (entry: ProxyLogEntry) => void;

export interface ReferralsProxyOptions {
  /** Base URL of the API: the sandbox's, or `https://api.partnercenter.microsoft.com`. */
  upstream: string;
  /** How long to wait for the upstream answer before a 504; default 120 s. */
  timeoutMs?: number;
  log?: ProxyLogger;
}

// Partner Center analytics calls take 20 to 120 s: a shorter wait would cut off answers on their way.
export const DEFAULT_PROXY_TIMEOUT_MS = 120_000;
const REQUEST_ID = /^[A-Za-z0-9-]{1,64}$/;
// Longer paths are cut in the log: they are only there to recognise a probe.
const MAX_LOGGED_PATH = 200;

export function formatProxyLogEntry(entry: ProxyLogEntry): string {
  return `${entry.method} ${entry.path} ${entry.status} ${entry.durationMs} ms request-id=${entry.requestId ?? '-'}`;
}

/**
 * Forwards `GET /api/partner/v1/analytics/referrals?...` to `{upstream}/partner/v1/analytics/referrals?...`
 * and nothing else: other paths under `/api` are 404, other methods 405, foreign targets 400,
 * without contacting the upstream. Requests outside `/api` go to `next()`.
 */
export function createReferralsProxy(options: ReferralsProxyOptions): Middleware {
  const upstreamUrl = new URL(options.upstream);
  const basePath = upstreamUrl.pathname.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROXY_TIMEOUT_MS;
  const log = options.log ?? ((entry) => console.info(formatProxyLogEntry(entry)));

  return (req, res, next) => {
    const target = classifyTarget(req.url ?? '');
    if (target.kind === 'other') {
      next();
      return;
    }

    const started = performance.now();
    const suppliedId = req.headers['ms-requestid'];
    const requestId = typeof suppliedId === 'string' ? suppliedId : randomUUID();
    res.once('close', () => {
      log({
        method: req.method ?? '',
        path: (req.url ?? '').split('?', 1)[0]!.slice(0, MAX_LOGGED_PATH),
        status: res.statusCode,
        durationMs: Math.round(performance.now() - started),
        requestId: REQUEST_ID.test(requestId) ? requestId : null,
      });
    });
    const idHeader = { 'ms-requestid': requestId };

    if (target.kind === 'foreign') {
      sendProxyError(
        res,
        400,
        'BadRequestTarget',
        'The request target must be a path on this server.',
        idHeader,
      );
      return;
    }
    if (target.kind === 'api') {
      sendProxyError(
        res,
        404,
        'NotFound',
        'This server forwards only GET /api/partner/v1/analytics/referrals.',
        idHeader,
      );
      return;
    }
    if (req.method !== 'GET') {
      sendProxyError(res, 405, 'MethodNotAllowed', 'Only GET is allowed on this path.', {
        ...idHeader,
        allow: 'GET',
      });
      return;
    }

    const url = new URL(upstreamUrl);
    url.pathname = `${basePath}${REFERRALS_PATH}`;
    url.search = target.search;
    const headers = upstreamRequestHeaders(req.headers);
    headers.set('ms-requestid', requestId);

    forward(url, headers, timeoutMs, req, res).catch((error: unknown) => {
      // Only reachable once the answer has started: the stream broke, so end it visibly.
      if (!res.headersSent) next(error);
      else res.destroy();
    });
  };
}

async function forward(
  url: URL,
  headers: Headers,
  timeoutMs: number,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const requestId = headers.get('ms-requestid') ?? '';
  const idHeader = { 'ms-requestid': requestId };
  const clientGone = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) clientGone.abort();
  });
  req.resume();

  let upstream: Response;
  try {
    upstream = await fetch(url, {
      method: 'GET',
      headers,
      // Never follow a redirect: it could carry the user's token to another host.
      redirect: 'manual',
      signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), clientGone.signal]),
    });
  } catch (error) {
    if (clientGone.signal.aborted) return;
    sendUpstreamFailure(res, error, timeoutMs, idHeader);
    return;
  }

  if (upstream.status >= 300 && upstream.status < 400) {
    await upstream.body?.cancel();
    sendProxyError(
      res,
      502,
      'UpstreamInvalidResponse',
      'The referrals API answered with a redirect, which this server does not follow.',
      idHeader,
    );
    return;
  }

  if (!fetchDecoded(upstream.headers.get('content-encoding'))) {
    await upstream.body?.cancel();
    sendProxyError(
      res,
      502,
      'UpstreamInvalidResponse',
      'The referrals API answered in an encoding this server cannot read.',
      idHeader,
    );
    return;
  }

  let coding = upstream.body ? answerCoding(req, upstream) : null;
  // The DOM and node:stream/web declarations of ReadableStream differ only in typing.
  let body = upstream.body
    ? Readable.fromWeb(upstream.body as NodeReadableStream<Uint8Array>)
    : null;
  if (body && coding && !upstream.headers.has('content-length')) {
    // No length given: read the first kilobyte to tell a tiny answer, which is not worth compressing.
    let head: PeekedHead;
    try {
      head = await peekHead(body, MIN_COMPRESSIBLE_BYTES);
    } catch (error) {
      if (clientGone.signal.aborted) return;
      sendUpstreamFailure(res, error, timeoutMs, idHeader);
      return;
    }
    if (head.ended && head.bytes < MIN_COMPRESSIBLE_BYTES) coding = null;
    body = head.stream;
  }
  res.writeHead(upstream.status, {
    ...downstreamResponseHeaders(upstream.headers),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    vary: 'accept-encoding',
    ...(coding ? { 'content-encoding': coding } : {}),
  });
  if (!body) {
    res.end();
    return;
  }
  if (coding) await pipeline(body, createEncoder(coding), res);
  else await pipeline(body, res);
}

interface PeekedHead {
  /** The whole body again, the chunks read first included. */
  stream: Readable;
  bytes: number;
  ended: boolean;
}

async function peekHead(body: Readable, minBytes: number): Promise<PeekedHead> {
  const chunks = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head: Buffer[] = [];
  let bytes = 0;
  let ended = false;
  while (!ended && bytes < minBytes) {
    const next = await chunks.next();
    if (next.done) ended = true;
    else {
      head.push(next.value);
      bytes += next.value.length;
    }
  }
  async function* whole() {
    yield* head;
    if (ended) return;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  return { stream: Readable.from(whole()), bytes, ended };
}

function sendUpstreamFailure(
  res: ServerResponse,
  error: unknown,
  timeoutMs: number,
  idHeader: Record<string, string>,
): void {
  if (isTimeout(error)) {
    sendProxyError(
      res,
      504,
      'UpstreamTimeout',
      `The referrals API did not answer within ${Math.round(timeoutMs / 1000)} seconds. Try again in a moment.`,
      idHeader,
    );
  } else {
    sendProxyError(
      res,
      502,
      'UpstreamUnreachable',
      'The referrals API could not be reached. Check your connection and try again.',
      idHeader,
    );
  }
}

// Node's fetch asks the upstream for `gzip, deflate` and hands over the body decoded, whatever it came in; it
// cannot pass an encoded body through. So an upstream's compression is undone here and redone for the browser.
const FETCH_DECODED = new Set(['identity', 'gzip', 'x-gzip', 'deflate', 'br']);

function fetchDecoded(contentEncoding: string | null): boolean {
  if (!contentEncoding) return true;
  return contentEncoding
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .every((coding) => coding === '' || FETCH_DECODED.has(coding));
}

/** br or gzip as the browser accepts, for a text answer that is not tiny; null to relay it as it is. */
function answerCoding(req: IncomingMessage, upstream: Response): ContentCoding | null {
  if (upstream.status === 204 || upstream.status === 304) return null;
  if (!isCompressibleType(upstream.headers.get('content-type'))) return null;
  // The upstream's Content-Length is its encoded size when it compressed; then the decoded body is at least as big.
  const length = Number(upstream.headers.get('content-length') ?? NaN);
  if (!upstream.headers.has('content-encoding') && length < MIN_COMPRESSIBLE_BYTES) return null;
  const accepted = req.headers['accept-encoding'];
  return negotiateContentCoding(Array.isArray(accepted) ? accepted.join(',') : accepted);
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'TimeoutError';
}
