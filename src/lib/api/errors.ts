// The one error type the referrals client throws: an HTTP failure, a network failure, an answer
// the app cannot read, or a query refused before it was sent. Components read it through
// src/components/error-panel; the retry policy reads `status` and `retryAfterSeconds`.

export type ApiErrorKind = 'http' | 'network' | 'invalid-response' | 'invalid-query' | 'sign-in';

export interface ApiErrorInit {
  /** HTTP status; 0 when no answer arrived (network failure). */
  status: number;
  kind?: ApiErrorKind;
  /** Partner Center's error code (numbers become strings), or a client code. */
  code?: string | null;
  /** What happened, in words a partner can act on. */
  description: string;
  requestId?: string | null;
  correlationId?: string | null;
  retryAfterSeconds?: number | null;
  cause?: unknown;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly kind: ApiErrorKind;
  readonly code: string | null;
  readonly description: string;
  readonly requestId: string | null;
  readonly correlationId: string | null;
  readonly retryAfterSeconds: number | null;

  constructor(init: ApiErrorInit) {
    super(init.description, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.kind = init.kind ?? 'http';
    this.code = init.code ?? null;
    this.description = init.description;
    this.requestId = init.requestId ?? null;
    this.correlationId = init.correlationId ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** A 401: Partner Center refused the token, or no token could be had without the user. Signing in again helps. */
export function needsSignIn(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

/** `Retry-After` as whole seconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

interface RequestIds {
  requestId: string;
  correlationId: string;
}

/** Words for a status when the body gives none. */
export function defaultDescription(status: number): string {
  if (status === 400) return 'Partner Center could not process the request.';
  if (status === 401) return 'Your sign-in has expired or was not accepted.';
  if (status === 403) return 'Your account is not allowed to read referrals analytics.';
  if (status === 404) return 'Partner Center did not find what was asked for.';
  if (status === 429) return 'Partner Center is receiving too many requests.';
  if (status >= 500) return `Partner Center had a problem answering (HTTP ${status}).`;
  return `Partner Center gave an unexpected answer (HTTP ${status}).`;
}

const MAX_TEXT_DESCRIPTION = 500;

interface ParsedBody {
  code: string | null;
  description: string | null;
}

function readCode(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return null;
}

function readText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * Reads the documented bodies (`{code, description, data?, source}`, the 429 `{statusCode,
 * message}`), OData's `{error: {code, message}}`, and short plain text. HTML pages from gateways
 * and anything unreadable give nulls, so the status's default words are used.
 */
function parseErrorBody(body: string): ParsedBody {
  const text = body.trim();
  if (text === '') return { code: null, description: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const looksLikeMarkup = text.startsWith('<');
    const usable = !looksLikeMarkup && text.length <= MAX_TEXT_DESCRIPTION;
    return { code: null, description: usable ? text : null };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { code: null, description: typeof json === 'string' ? readText(json) : null };
  }
  const record = json as Record<string, unknown>;
  const nested =
    typeof record.error === 'object' && record.error !== null
      ? (record.error as Record<string, unknown>)
      : {};
  return {
    code: readCode(record.code) ?? readCode(nested.code),
    description:
      readText(record.description) ??
      readText(record.message) ??
      readText(record.Message) ??
      readText(nested.message),
  };
}

/** The 429 body says "Try again in 57 seconds."; used when `Retry-After` is missing. */
function retryAfterFromText(description: string | null): number | null {
  const match = description?.match(/try again in (\d+) seconds?/i);
  return match?.[1] === undefined ? null : Number(match[1]);
}

export function apiErrorFromResponse(
  status: number,
  body: string,
  headers: Headers,
  sent: RequestIds,
): ApiError {
  const parsed = parseErrorBody(body);
  const retryAfterSeconds =
    parseRetryAfter(headers.get('Retry-After')) ??
    (status === 429 ? retryAfterFromText(parsed.description) : null);
  return new ApiError({
    status,
    kind: 'http',
    code: parsed.code,
    description: parsed.description ?? defaultDescription(status),
    requestId: headers.get('MS-RequestId') ?? sent.requestId,
    correlationId: headers.get('MS-CorrelationId') ?? sent.correlationId,
    retryAfterSeconds,
  });
}

export function networkError(cause: unknown, sent: RequestIds): ApiError {
  return new ApiError({
    status: 0,
    kind: 'network',
    code: 'network_error',
    description:
      'The app could not reach its server. Check your connection, and that the Referral Lens ' +
      'server (npm start) is still running.',
    requestId: sent.requestId,
    correlationId: sent.correlationId,
    cause,
  });
}

export function invalidResponseError(detail: string, status: number, sent: RequestIds): ApiError {
  return new ApiError({
    status,
    kind: 'invalid-response',
    code: 'invalid_response',
    description: `Partner Center sent an answer the app could not read: ${detail}`,
    requestId: sent.requestId,
    correlationId: sent.correlationId,
  });
}

export function invalidQueryError(description: string): ApiError {
  return new ApiError({ status: 400, kind: 'invalid-query', code: 'invalid_query', description });
}

export function signInError(cause: unknown, sent: RequestIds): ApiError {
  return new ApiError({
    status: 401,
    kind: 'sign-in',
    code: 'token_unavailable',
    description: 'Your sign-in could not be renewed.',
    requestId: sent.requestId,
    correlationId: sent.correlationId,
    cause,
  });
}
