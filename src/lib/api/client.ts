// The one typed client for GET /partner/v1/analytics/referrals, called on the app's own origin
// (the proxy forwards it). Every failure becomes an ApiError.
import { REFERRALS_PATH } from '../referrals/schema';
import {
  ApiError,
  apiErrorFromResponse,
  invalidQueryError,
  invalidResponseError,
  networkError,
  signInError,
} from './errors';
import {
  nextPageQuery,
  parseBuckets,
  parseDateRows,
  parseEnvelope,
  parseReferralRows,
  type RowsResult,
} from './envelope';
import { newGuid } from './ids';
import { buildQueryString } from './query-string';
import { MAX_REQUEST_URL_LENGTH, requestTooLongMessage } from './request-length';
import { createRequestScheduler, type RequestScheduler } from './request-scheduler';
import type { DateField, Referral } from '../referrals/schema';
import type { GroupedReferralsPage, ReferralsPage, ReferralsQuery, RequestContext } from './types';

export interface AccessTokenOptions {
  /** Skip the token cache: used once after a 401. */
  forceRefresh?: boolean;
}

export type GetAccessToken = (options?: AccessTokenOptions) => Promise<string>;

export interface ReferralsClientOptions {
  getAccessToken: GetAccessToken;
  /** Where the proxy is mounted on the app's origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Limits requests in flight, lower after a 429; one per client, so per signed-in account. */
  scheduler?: RequestScheduler;
}

export interface ReferralsClient {
  page(query: ReferralsQuery, ctx?: RequestContext): Promise<ReferralsPage>;
  /** A page of rows reduced to some of their dates: for figures that need many rows but few fields. */
  datesPage<F extends DateField>(
    query: ReferralsQuery,
    fields: readonly F[],
    ctx?: RequestContext,
  ): Promise<ReferralsPage<Pick<Referral, F>>>;
  grouped(query: ReferralsQuery, ctx?: RequestContext): Promise<GroupedReferralsPage>;
}

interface RequestIds {
  requestId: string;
  correlationId: string;
}

/** A successful answer: status and body text. */
interface Answer {
  status: number;
  body: string;
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error instanceof DOMException && error.name === 'AbortError');
}

export function createReferralsClient({
  getAccessToken,
  baseUrl = '/api',
  fetch: fetchImpl = (...args) => globalThis.fetch(...args),
  scheduler = createRequestScheduler(),
}: ReferralsClientOptions): ReferralsClient {
  async function token(forceRefresh: boolean, ids: RequestIds, signal?: AbortSignal) {
    try {
      return await getAccessToken(forceRefresh ? { forceRefresh } : undefined);
    } catch (error) {
      if (error instanceof ApiError || isAbort(error, signal)) throw error;
      throw signInError(error, ids);
    }
  }

  async function send(url: string, accessToken: string, ids: RequestIds, signal?: AbortSignal) {
    try {
      return await fetchImpl(url, {
        method: 'GET',
        headers: {
          Accept: 'application/json',
          Authorization: `Bearer ${accessToken}`,
          'MS-RequestId': ids.requestId,
          'MS-CorrelationId': ids.correlationId,
        },
        signal,
      });
    } catch (error) {
      if (isAbort(error, signal)) throw error;
      throw networkError(error, ids);
    }
  }

  async function readBody(response: Response, ids: RequestIds, signal?: AbortSignal) {
    try {
      return await response.text();
    } catch (error) {
      if (isAbort(error, signal)) throw error;
      throw networkError(error, ids);
    }
  }

  /**
   * One request and its answer, holding a scheduler slot from taking the token (fresh even after
   * a long wait in the queue) until the body is read. A failure becomes an ApiError; a 429 also
   * lowers the parallelism of every later request.
   */
  function exchange(url: string, forceRefresh: boolean, ids: RequestIds, signal?: AbortSignal) {
    return scheduler.run(async (): Promise<Answer> => {
      const response = await send(url, await token(forceRefresh, ids, signal), ids, signal);
      const body = await readBody(response, ids, signal);
      if (response.ok) return { status: response.status, body };
      const error = apiErrorFromResponse(response.status, body, response.headers, ids);
      if (error.status === 429) scheduler.throttled(error.retryAfterSeconds);
      throw error;
    }, signal);
  }

  /** One request: validated query, fresh ids (or the caller's), one token refresh on 401. */
  async function getEnvelope(query: ReferralsQuery, ctx: RequestContext | undefined) {
    const url = `${baseUrl}${REFERRALS_PATH}?${buildQueryString(query)}`;
    // Measured before anything is sent: no path through the app sends an address servers refuse.
    if (url.length > MAX_REQUEST_URL_LENGTH)
      throw invalidQueryError(requestTooLongMessage(url.length));
    const ids: RequestIds = {
      requestId: ctx?.requestId ?? newGuid(),
      correlationId: ctx?.correlationId ?? newGuid(),
    };
    const signal = ctx?.signal;
    signal?.throwIfAborted();

    let answer: Answer;
    try {
      answer = await exchange(url, false, ids, signal);
    } catch (error) {
      if (!(error instanceof ApiError && error.kind === 'http' && error.status === 401))
        throw error;
      // A token the cache thought valid was refused (revoked, clock skew): one fresh token, one retry.
      answer = await exchange(url, true, ids, signal);
    }
    const { status, body } = answer;

    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw invalidResponseError('the body is not JSON', status, ids);
    }
    const parsed = parseEnvelope(json);
    if (!parsed.ok) throw invalidResponseError(parsed.problem, status, ids);
    return { envelope: parsed.envelope, status, ids };
  }

  async function rowsPage<Row>(
    query: ReferralsQuery,
    parseRows: (rows: unknown[]) => RowsResult<Row>,
    ctx: RequestContext | undefined,
  ): Promise<ReferralsPage<Row>> {
    const { envelope, status, ids } = await getEnvelope(query, ctx);
    const rows = parseRows(envelope.rows);
    if (!rows.ok) throw invalidResponseError(rows.problem, status, ids);
    return {
      rows: rows.rows,
      totalCount: envelope.totalCount,
      next: nextPageQuery(query, envelope.nextLink, rows.rows.length, envelope.totalCount),
    };
  }

  return {
    page: (query, ctx) => rowsPage(query, parseReferralRows, ctx),

    datesPage: (query, fields, ctx) => rowsPage(query, (rows) => parseDateRows(rows, fields), ctx),

    async grouped(query, ctx) {
      const groupby = query.groupby ?? [];
      if (groupby.length === 0) {
        throw invalidQueryError('Grouped counts need at least one field to group by.');
      }
      const { envelope, status, ids } = await getEnvelope(query, ctx);
      const buckets = parseBuckets(envelope.rows, groupby);
      if (!buckets.ok) throw invalidResponseError(buckets.problem, status, ids);
      return {
        buckets: buckets.rows,
        totalCount: envelope.totalCount,
        next: nextPageQuery(query, envelope.nextLink, buckets.rows.length, envelope.totalCount),
      };
    },
  };
}
