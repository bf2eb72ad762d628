import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { partnerCenterError } from './engine';
import { bearerChallenge } from './auth';
import type { Fault } from './faults';

/** Ids a client sends are echoed only when they look like ids: nothing else reaches a response header. */
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function headerText(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The headers every sandbox answer carries, as Partner Center's do. */
export function traceHeaders(req: IncomingMessage): OutgoingHttpHeaders {
  const requestId = headerText(req, 'ms-requestid');
  const correlationId = headerText(req, 'ms-correlationid');
  const headers: OutgoingHttpHeaders = {
    'MS-RequestId': requestId !== undefined && SAFE_ID.test(requestId) ? requestId : randomUUID(),
    // A correlation vector: Partner Center returns one for support cases; the app must not depend on its form.
    'MS-CV': `${randomBytes(12).toString('base64')}.0`,
  };
  if (correlationId !== undefined && SAFE_ID.test(correlationId))
    headers['MS-CorrelationId'] = correlationId;
  return headers;
}

/** Sends JSON already encoded as UTF-8 (see serialize.ts), with the headers every answer carries. */
export function sendBytes(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  bytes: Buffer,
  headers: OutgoingHttpHeaders = {},
): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    ...traceHeaders(req),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': bytes.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(bytes);
}

export function sendJson(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  // Encoded once: measuring the string's UTF-8 length and then encoding it doubles the work for large bodies.
  sendBytes(req, res, status, Buffer.from(JSON.stringify(body), 'utf8'), headers);
}

/** Partner Center's error body with the HTTP status as its code. */
export function sendError(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  description: string,
  headers: OutgoingHttpHeaders = {},
): void {
  sendJson(req, res, status, partnerCenterError(description, status), headers);
}

export function sendUnauthorized(
  req: IncomingMessage,
  res: ServerResponse,
  description: string,
): void {
  sendError(req, res, 401, description, { 'WWW-Authenticate': bearerChallenge(description) });
}

/**
 * Partner Center's refusal of a token from a sign-in without multifactor authentication (required
 * for App+User calls since April 2026): the words it uses, for the app to recognise.
 */
export const MFA_REQUIRED_DESCRIPTION =
  'Multi-factor authentication (MFA) is required: the access token comes from a sign-in without ' +
  'strong authentication, and App+User calls to Partner Center need one.';

/** A fault as the real service sends it: 429 in the gateway's own shape, the rest as Partner Center errors. */
export function sendFault(req: IncomingMessage, res: ServerResponse, fault: Fault): void {
  const retryHeaders: OutgoingHttpHeaders =
    fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) };
  if (fault.status === 429) {
    const seconds = fault.retryAfter ?? 1;
    sendJson(
      req,
      res,
      429,
      { statusCode: 429, message: `Rate limit is exceeded. Try again in ${seconds} seconds.` },
      retryHeaders,
    );
    return;
  }
  const description = fault.mfa
    ? MFA_REQUIRED_DESCRIPTION
    : `Sandbox fault ${fault.status}: ${fault.reason}`;
  if (fault.status === 401) {
    sendUnauthorized(req, res, description);
    return;
  }
  sendError(req, res, fault.status, description, retryHeaders);
}
