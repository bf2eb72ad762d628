import { describe, expect, it, vi } from 'vitest';
import { createReferralsClient, type GetAccessToken } from './client';
import { ApiError } from './errors';
import { createRequestScheduler } from './request-scheduler';
import { jsonResponse, referral, scriptedFetch, textResponse } from './test-helpers';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function clientWith(fetchImpl: typeof fetch, getAccessToken: GetAccessToken = async () => 'tok') {
  return createReferralsClient({ getAccessToken, fetch: fetchImpl });
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('referrals client: requests', () => {
  it('calls the proxy path with the documented headers', async () => {
    const { fetch, sent } = scriptedFetch(jsonResponse({ Value: [], TotalCount: 0 }));
    await clientWith(fetch).page({ filter: "status eq 'Won'", top: 50 });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe(
      "/api/partner/v1/analytics/referrals?filter=status%20eq%20'Won'&top=50",
    );
    expect(sent[0]!.headers).toMatchObject({
      accept: 'application/json',
      authorization: 'Bearer tok',
    });
    expect(sent[0]!.headers['ms-requestid']).toMatch(GUID);
    expect(sent[0]!.headers['ms-correlationid']).toMatch(GUID);
  });

  it('uses a new request id per request and the caller’s correlation id', async () => {
    const { fetch, sent } = scriptedFetch(jsonResponse({ Value: [] }), jsonResponse({ Value: [] }));
    const client = clientWith(fetch);
    await client.page({}, { correlationId: 'action-1' });
    await client.page({}, { correlationId: 'action-1' });
    expect(sent[0]!.headers['ms-requestid']).not.toBe(sent[1]!.headers['ms-requestid']);
    expect(sent.map((r) => r.headers['ms-correlationid'])).toEqual(['action-1', 'action-1']);
  });

  it('keeps a request id the caller passes (a retry of the same request)', async () => {
    const { fetch, sent } = scriptedFetch(jsonResponse({ Value: [] }));
    await clientWith(fetch).page({}, { requestId: 'req-7' });
    expect(sent[0]!.headers['ms-requestid']).toBe('req-7');
  });

  it('refuses an out-of-range top without sending anything', async () => {
    const { fetch, sent } = scriptedFetch();
    const getToken = vi.fn(async () => 'tok');
    const error = await caught(clientWith(fetch, getToken).page({ top: 10001 }));
    expect(error).toMatchObject({ status: 400, kind: 'invalid-query' });
    expect(error.description).toMatch(/1 to 10,000/);
    expect(sent).toHaveLength(0);
    expect(getToken).not.toHaveBeenCalled();
  });
});

describe('referrals client: pages', () => {
  it('reads the documented capitalised envelope', async () => {
    const row = referral();
    const { fetch } = scriptedFetch(
      jsonResponse({ Value: [row], '@nextLink': null, TotalCount: 1 }),
    );
    expect(await clientWith(fetch).page({ top: 10 })).toEqual({
      rows: [row],
      totalCount: 1,
      next: null,
    });
  });

  it('reads lower-case keys, a string count and a relative @nextLink', async () => {
    const { fetch } = scriptedFetch(
      jsonResponse({
        value: [referral()],
        totalCount: '250',
        '@nextLink': "referrals?filter=status%20eq%20'Won'&top=1&skip=1",
      }),
    );
    const page = await clientWith(fetch).page({ filter: "status eq 'Won'", top: 1 });
    expect(page.totalCount).toBe(250);
    expect(page.next).toEqual({ filter: "status eq 'Won'", top: 1, skip: 1 });
  });

  it('reads an absolute @nextLink', async () => {
    const { fetch } = scriptedFetch(
      jsonResponse({
        Value: [referral()],
        TotalCount: 3,
        '@nextLink':
          'https://api.partnercenter.microsoft.com/partner/v1/analytics/referrals?top=1&skip=1',
      }),
    );
    expect((await clientWith(fetch).page({ top: 1 })).next).toEqual({ top: 1, skip: 1 });
  });

  it('pages by skip when @nextLink is missing but TotalCount says more', async () => {
    const { fetch } = scriptedFetch(
      jsonResponse({ Value: [referral(), referral({ id: '2' })], TotalCount: 5 }),
    );
    const page = await clientWith(fetch).page({ top: 2, skip: 2 });
    expect(page.next).toEqual({ top: 2, skip: 4 });
  });

  it('gives no next page when everything has been read', async () => {
    const { fetch } = scriptedFetch(jsonResponse({ Value: [referral()], TotalCount: 3 }));
    expect((await clientWith(fetch).page({ top: 2, skip: 2 })).next).toBeNull();
  });

  it('fills missing optional fields and stringifies numeric ids', async () => {
    const { fetch } = scriptedFetch(
      jsonResponse({
        Value: [{ id: 42, status: 'Brand new status', createdDate: '2026-01-01T00:00:00' }],
      }),
    );
    const [row] = (await clientWith(fetch).page({})).rows;
    expect(row).toMatchObject({
      id: '42',
      status: 'Brand new status',
      customerName: '',
      wonDate: null,
      createdDate: '2026-01-01T00:00:00',
    });
  });

  it('reads a page of dates only: the same request, rows cut down to the dates asked for', async () => {
    const { fetch, sent } = scriptedFetch(
      jsonResponse({
        Value: [referral({ createdDate: '2026-01-01T00:00:00', acceptedDate: null })],
        TotalCount: 3,
      }),
    );
    const page = await clientWith(fetch).datesPage({ top: 1 }, ['createdDate', 'acceptedDate']);
    expect(page).toEqual({
      rows: [{ createdDate: '2026-01-01T00:00:00', acceptedDate: null }],
      totalCount: 3,
      next: { top: 1, skip: 1 },
    });
    expect(sent[0]?.url).toContain('/api/partner/v1/analytics/referrals?top=1');
  });

  it('turns an unreadable answer into an ApiError that says so', async () => {
    const { fetch } = scriptedFetch(textResponse('<html>hi</html>', 200));
    const error = await caught(clientWith(fetch).page({}));
    expect(error).toMatchObject({ kind: 'invalid-response', status: 200 });
    expect(error.description).toMatch(/could not read/);
    const rowsBad = scriptedFetch(jsonResponse({ Value: [{ status: 'Won' }] }));
    expect((await caught(clientWith(rowsBad.fetch).page({}))).description).toMatch(/row 1/);
  });
});

describe('referrals client: grouped', () => {
  it('reads buckets, the referralCount measure and string counts', async () => {
    const { fetch, sent } = scriptedFetch(
      jsonResponse({
        Value: [
          { status: 'Won', createdDate: '2026-01-05T00:00:00', referralCount: '63' },
          { status: 'Lost', createdDate: null, referralCount: 2 },
        ],
        TotalCount: '2',
      }),
    );
    const page = await clientWith(fetch).grouped({
      groupby: ['status', 'createdDate'],
      aggregationLevel: 'week',
    });
    expect(sent[0]!.url).toContain('groupby=status%2CcreatedDate&aggregationLevel=week');
    expect(page).toEqual({
      buckets: [
        { key: { status: 'Won', createdDate: '2026-01-05T00:00:00' }, count: 63 },
        { key: { status: 'Lost', createdDate: null }, count: 2 },
      ],
      totalCount: 2,
      next: null,
    });
  });

  it('finds a differently named measure that is not a groupby field', async () => {
    const { fetch } = scriptedFetch(
      jsonResponse({ value: [{ customerMarket: 'US', Count: '12' }] }),
    );
    const page = await clientWith(fetch).grouped({ groupby: ['customerMarket'] });
    expect(page.buckets).toEqual([{ key: { customerMarket: 'US' }, count: 12 }]);
  });

  it('refuses a grouped row without a count', async () => {
    const { fetch } = scriptedFetch(jsonResponse({ value: [{ status: 'Won' }] }));
    const error = await caught(clientWith(fetch).grouped({ groupby: ['status'] }));
    expect(error.description).toMatch(/grouped row 1 has no count/);
  });

  it('needs a groupby', async () => {
    const { fetch } = scriptedFetch();
    expect((await caught(clientWith(fetch).grouped({}))).kind).toBe('invalid-query');
  });
});

describe('referrals client: errors', () => {
  it('reads the documented error body with a numeric code', async () => {
    const { fetch, sent } = scriptedFetch(
      jsonResponse(
        { code: 3000, description: "Unknown field 'foo'.", data: [], source: 'PartnerFD' },
        400,
        { 'MS-RequestId': 'server-req', 'MS-CorrelationId': 'server-cor' },
      ),
    );
    const error = await caught(clientWith(fetch).page({ filter: "foo eq 'x'" }));
    expect(error).toMatchObject({
      status: 400,
      kind: 'http',
      code: '3000',
      description: "Unknown field 'foo'.",
      requestId: 'server-req',
      correlationId: 'server-cor',
      retryAfterSeconds: null,
    });
    expect(sent).toHaveLength(1);
  });

  it('reads a string code with data missing, and falls back to the sent ids', async () => {
    const { fetch, sent } = scriptedFetch(
      jsonResponse({ code: 'Forbidden', description: 'Not allowed.' }, 403),
    );
    const error = await caught(clientWith(fetch).page({}));
    expect(error).toMatchObject({ status: 403, code: 'Forbidden', description: 'Not allowed.' });
    expect(error.requestId).toBe(sent[0]!.headers['ms-requestid']);
  });

  it('reads the 429 shape and Retry-After', async () => {
    const { fetch } = scriptedFetch(
      jsonResponse(
        { statusCode: 429, message: 'Rate limit is exceeded. Try again in 57 seconds.' },
        429,
        { 'Retry-After': '57' },
      ),
    );
    const error = await caught(clientWith(fetch).page({}));
    expect(error).toMatchObject({
      status: 429,
      description: 'Rate limit is exceeded. Try again in 57 seconds.',
      retryAfterSeconds: 57,
    });
  });

  it('takes the wait from the 429 message when Retry-After is missing', async () => {
    const { fetch } = scriptedFetch(
      jsonResponse(
        { statusCode: 429, message: 'Rate limit is exceeded. Try again in 9 seconds.' },
        429,
      ),
    );
    expect((await caught(clientWith(fetch).page({}))).retryAfterSeconds).toBe(9);
  });

  it('uses short plain-text bodies, and the status’s words for HTML or empty ones', async () => {
    const { fetch } = scriptedFetch(
      textResponse('upstream connect error', 502),
      textResponse('<html><body>Bad gateway</body></html>', 502),
      textResponse('', 503),
    );
    const client = clientWith(fetch);
    expect((await caught(client.page({}))).description).toBe('upstream connect error');
    expect((await caught(client.page({}))).description).toBe(
      'Partner Center had a problem answering (HTTP 502).',
    );
    const empty = await caught(client.page({}));
    expect(empty).toMatchObject({ status: 503, code: null });
    expect(empty.description).toBe('Partner Center had a problem answering (HTTP 503).');
  });

  it('turns a network failure into status 0 with a helpful description', async () => {
    const { fetch } = scriptedFetch(new TypeError('Failed to fetch'));
    const error = await caught(clientWith(fetch).page({}));
    expect(error).toMatchObject({ status: 0, kind: 'network' });
    expect(error.description).toMatch(/could not reach/);
    expect(error.requestId).toMatch(GUID);
  });

  it('lets a cancellation through as an abort, not an ApiError', async () => {
    const controller = new AbortController();
    const { fetch } = scriptedFetch(() => {
      controller.abort();
      throw new DOMException('aborted', 'AbortError');
    });
    await expect(clientWith(fetch).page({}, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('turns a token failure into a sign-in ApiError without calling the API', async () => {
    const { fetch, sent } = scriptedFetch();
    const error = await caught(
      clientWith(fetch, async () => {
        throw new Error('interaction_required');
      }).page({}),
    );
    expect(error).toMatchObject({ status: 401, kind: 'sign-in' });
    expect(sent).toHaveLength(0);
  });
});

describe('referrals client: 401', () => {
  it('gets a fresh token once and retries with the same request id', async () => {
    const { fetch, sent } = scriptedFetch(
      jsonResponse({ code: 401, description: 'expired' }, 401),
      jsonResponse({ Value: [], TotalCount: 0 }),
    );
    const getToken = vi.fn<GetAccessToken>(async (options) =>
      options?.forceRefresh ? 'fresh' : 'stale',
    );
    await clientWith(fetch, getToken).page({});
    expect(getToken.mock.calls).toEqual([[undefined], [{ forceRefresh: true }]]);
    expect(sent.map((r) => r.headers.authorization)).toEqual(['Bearer stale', 'Bearer fresh']);
    expect(sent[1]!.headers['ms-requestid']).toBe(sent[0]!.headers['ms-requestid']);
    expect(sent[1]!.headers['ms-correlationid']).toBe(sent[0]!.headers['ms-correlationid']);
  });

  it('gives up after the one retry', async () => {
    const { fetch, sent } = scriptedFetch(
      jsonResponse({ code: 401, description: 'expired' }, 401),
      jsonResponse({ code: 401, description: 'still expired' }, 401),
    );
    const error = await caught(clientWith(fetch).page({}));
    expect(error).toMatchObject({ status: 401, description: 'still expired' });
    expect(sent).toHaveLength(2);
  });
});

describe('referrals client: parallelism', () => {
  it('sends every request through its scheduler: no more in flight than the limit', async () => {
    const answers: ((response: Response) => void)[] = [];
    const fetchImpl = vi.fn(
      () => new Promise<Response>((resolve) => answers.push(resolve)),
    ) as unknown as typeof fetch;
    const client = createReferralsClient({
      getAccessToken: async () => 'tok',
      fetch: fetchImpl,
      scheduler: createRequestScheduler({ maxConcurrent: 2 }),
    });
    const pages = [client.page({}), client.grouped({ groupby: ['status'] }), client.page({})];
    await vi.waitFor(() => expect(fetchImpl).toHaveBeenCalledTimes(2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fetchImpl).toHaveBeenCalledTimes(2);
    answers[0]!(jsonResponse({ Value: [] }));
    await vi.waitFor(() => expect(fetchImpl).toHaveBeenCalledTimes(3));
    answers[1]!(jsonResponse({ Value: [{ status: 'Won', referralCount: 1 }] }));
    answers[2]!(jsonResponse({ Value: [] }));
    await expect(Promise.all(pages)).resolves.toHaveLength(3);
  });

  it('tells the scheduler about a 429 and its Retry-After, and about nothing else', async () => {
    // Without the pause a Retry-After brings (request-scheduler.test.ts tests it), so the test runs at once.
    const scheduler = createRequestScheduler({ maxPauseSeconds: 0 });
    const throttled = vi.spyOn(scheduler, 'throttled');
    const { fetch } = scriptedFetch(
      jsonResponse({ statusCode: 429, message: 'Rate limit is exceeded.' }, 429, {
        'Retry-After': '12',
      }),
      jsonResponse({ code: 500, description: 'boom' }, 500),
      jsonResponse({ Value: [] }),
    );
    const client = createReferralsClient({ getAccessToken: async () => 'tok', fetch, scheduler });
    expect(await caught(client.page({}))).toMatchObject({ status: 429, retryAfterSeconds: 12 });
    expect(throttled.mock.calls).toEqual([[12]]);
    expect(scheduler.state().limit).toBe(2);
    await caught(client.page({}));
    await client.page({});
    expect(throttled).toHaveBeenCalledOnce();
  });
});
