import type { Socket } from 'node:net';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import { PROXY_ERROR_SOURCE, sendProxyError } from '../proxy/error-body';
import type { Middleware } from '../proxy/referrals-proxy';

// How long a request may be, and how a longer one is answered: always with Partner Center's error
// body and a status the app explains ("the request is too long"), never an empty 431 or a reset.
//
// The app itself never sends an address over 8 KB (src/lib/api/request-length.ts). The servers
// accept more, so that any filter the API contract allows (4,096 characters, up to nine bytes each
// once encoded: about 36 KB) reaches the API, which answers it precisely.

/** Longest request target (path and query) the servers pass on; longer ones are a 414. */
export const MAX_REQUEST_TARGET_LENGTH = 48 * 1024;

/**
 * Longest request head (request line and headers) Node's parser reads (HTTP/1.1), and the HTTP/2
 * header list size the servers advertise: the longest target plus room for the headers and token.
 * Past it, Node stops reading: the `clientError` handler below answers 431.
 */
export const MAX_REQUEST_HEAD_BYTES = MAX_REQUEST_TARGET_LENGTH + 16 * 1024;

/**
 * The HTTP/2 header list size the servers advertise: more than the head limit, so that a long
 * request still reaches the handlers and gets the 414 or 431 below (HTTP/2 cannot answer a header
 * block it refused to read: the stream is reset). Node's HTTP/2 layer decodes no more than about
 * this much anyway (measured: 100 KB passes, 200 KB resets the session). The app never comes near:
 * it sends no address over 8 KB.
 */
export const HTTP2_MAX_HEADER_LIST_BYTES = 100 * 1024;

export type LimitErrorCode = 'RequestTooLong' | 'BadRequest' | 'RequestTimeout';

/** Partner Center's error body as JSON text. */
export function errorBodyText(code: LimitErrorCode, description: string, source: string): string {
  return JSON.stringify({ code, description, data: [], source });
}

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

export const TARGET_TOO_LONG =
  `The request address is longer than this server accepts (${kb(MAX_REQUEST_TARGET_LENGTH)}). ` +
  'The request is too long: shorten the filter.';
export const HEAD_TOO_LONG =
  `The request line and headers are longer than this server accepts (${kb(MAX_REQUEST_HEAD_BYTES)}). ` +
  'The request is too long: shorten the filter.';

/** The request head's size as Node read it: target and every header name and value. */
function requestHeadBytes(req: IncomingMessage): number {
  let bytes = (req.url ?? '').length;
  const raw = req.rawHeaders;
  for (const entry of raw) bytes += Buffer.byteLength(entry) + 2;
  return bytes;
}

/**
 * Answers a request over the limits, before any other handler: 414 for a long target, 431 for a
 * long head. Over HTTP/1.1 Node's parser already stops at the head limit (see below); over HTTP/2
 * this is where the limits are kept.
 */
export function createRequestSizeLimit(): Middleware {
  return (req, res, next) => {
    if ((req.url ?? '').length > MAX_REQUEST_TARGET_LENGTH) {
      sendProxyError(res, 414, 'RequestTooLong', TARGET_TOO_LONG);
    } else if (requestHeadBytes(req) > MAX_REQUEST_HEAD_BYTES) {
      sendProxyError(res, 431, 'RequestTooLong', HEAD_TOO_LONG);
    } else {
      next();
    }
  };
}

interface ClientErrorAnswer {
  status: number;
  code: LimitErrorCode;
  description: string;
}

function answerFor(error: NodeJS.ErrnoException): ClientErrorAnswer {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return { status: 431, code: 'RequestTooLong', description: HEAD_TOO_LONG };
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return {
      status: 408,
      code: 'RequestTimeout',
      description: 'The request took too long to arrive.',
    };
  }
  return { status: 400, code: 'BadRequest', description: 'The request is not valid HTTP.' };
}

/**
 * A `clientError` listener for HTTP/1.1 servers (node:http, node:https, and HTTP/1.1 connections to
 * an HTTP/2 server): Node's own answer to a request it cannot read is a bare status, or nothing. This
 * one writes the status with the error body, then closes the connection.
 */
export function answerUnreadableRequest(source = PROXY_ERROR_SOURCE) {
  return (error: NodeJS.ErrnoException, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const { status, code, description } = answerFor(error);
    const body = errorBodyText(code, description, source);
    socket.end(
      [
        `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Cache-Control: no-store',
        'X-Content-Type-Options: nosniff',
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  };
}
