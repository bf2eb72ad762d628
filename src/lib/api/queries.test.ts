// The retry policy and the request ids as React Query runs them, with fake timers.
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReferralsClient } from './client';
import { ApiError } from './errors';
import {
  groupedReferralsQuery,
  referralsCountQuery,
  referralsKeys,
  referralsPageQuery,
} from './queries';
import { createQueryClient } from './query-client';
import { jsonResponse, scriptedFetch, textResponse } from './test-helpers';

const ok = () => jsonResponse({ Value: [], TotalCount: 12345 });
const throttled = (seconds: number) =>
  jsonResponse({ statusCode: 429, message: 'Rate limit is exceeded.' }, 429, {
    'Retry-After': String(seconds),
  });

function setup(...replies: Parameters<typeof scriptedFetch>) {
  const { fetch, sent } = scriptedFetch(...replies);
  const client = createReferralsClient({ getAccessToken: async () => 'tok', fetch });
  return { client, sent, queryClient: createQueryClient() };
}

/** Flushes pending promise callbacks without moving the clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  // Jitter pinned to its upper end: delays are exactly 1 s, 2 s, 4 s.
  vi.spyOn(Math, 'random').mockReturnValue(1);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('query keys', () => {
  it('are equal for equal queries', () => {
    expect(referralsKeys.page({ filter: '', skip: 0, top: 5 })).toEqual(
      referralsKeys.page({ top: 5 }),
    );
    expect(referralsKeys.grouped({ groupby: ['status'], aggregationLevel: 'day' })).not.toEqual(
      referralsKeys.grouped({ groupby: ['status'] }),
    );
    expect(referralsKeys.count('  ')).toEqual(referralsKeys.count(undefined));
  });
});

describe('retry policy under React Query', () => {
  it('waits Retry-After on 429, then succeeds, keeping the request id', async () => {
    const { client, sent, queryClient } = setup(throttled(5), ok());
    const result = queryClient.fetchQuery(referralsPageQuery(client, { top: 1 }));
    await settle();
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(4999);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    await expect(result).resolves.toMatchObject({ totalCount: 12345 });
    expect(sent[1]!.headers['ms-requestid']).toBe(sent[0]!.headers['ms-requestid']);
    expect(sent[1]!.headers['ms-correlationid']).toBe(sent[0]!.headers['ms-correlationid']);
  });

  it('backs off on 5xx: 1 s, 2 s, 4 s, then gives up with the last error', async () => {
    const { client, sent, queryClient } = setup(
      textResponse('', 500),
      textResponse('', 502),
      textResponse('', 503),
      textResponse('', 504),
    );
    const result = queryClient.fetchQuery(referralsPageQuery(client, {}));
    const failure = result.catch((error: unknown) => error);
    await settle();
    const times: number[] = [];
    for (const step of [1000, 2000, 4000]) {
      await vi.advanceTimersByTimeAsync(step - 1);
      times.push(sent.length);
      await vi.advanceTimersByTimeAsync(1);
    }
    expect(times).toEqual([1, 2, 3]);
    expect(sent).toHaveLength(4);
    const error = await failure;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 504 });
    expect(new Set(sent.map((r) => r.headers['ms-requestid'])).size).toBe(1);
  });

  it.each([400, 403, 404])('does not retry %s', async (status) => {
    const { client, sent, queryClient } = setup(
      jsonResponse({ code: 1, description: 'no' }, status),
    );
    const failure = queryClient.fetchQuery(referralsPageQuery(client, {})).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await failure).toMatchObject({ status });
    expect(sent).toHaveLength(1);
  });

  it('uses a new request id for a new fetch of the same query', async () => {
    const { client, sent, queryClient } = setup(ok(), ok());
    const options = referralsPageQuery(client, { top: 1 });
    await queryClient.fetchQuery(options);
    await queryClient.fetchQuery({ ...options, staleTime: 0 });
    expect(sent).toHaveLength(2);
    expect(sent[1]!.headers['ms-requestid']).not.toBe(sent[0]!.headers['ms-requestid']);
  });

  it('passes a user action’s correlation id', async () => {
    const { client, sent, queryClient } = setup(
      jsonResponse({ Value: [{ status: 'Won', referralCount: 1 }] }),
    );
    await queryClient.fetchQuery(
      groupedReferralsQuery(client, { groupby: ['status'] }, { correlationId: 'action-9' }),
    );
    expect(sent[0]!.headers['ms-correlationid']).toBe('action-9');
  });
});

describe('referralsCountQuery', () => {
  it('asks for one row and reads TotalCount', async () => {
    const { client, sent } = setup(ok());
    const count = await new QueryClient().fetchQuery(
      referralsCountQuery(client, "status eq 'Won'"),
    );
    expect(count).toBe(12345);
    expect(sent[0]!.url).toContain('top=1');
    expect(sent[0]!.url).toContain("filter=status%20eq%20'Won'");
  });

  it('sums the counts per status when TotalCount is missing, with a new request id', async () => {
    const { client, sent } = setup(
      jsonResponse({ Value: [] }),
      jsonResponse({
        Value: [
          { status: 'Won', referralCount: '40' },
          { status: 'Lost', referralCount: 2 },
        ],
      }),
    );
    expect(await new QueryClient().fetchQuery(referralsCountQuery(client, undefined))).toBe(42);
    expect(sent[1]!.url).toContain('groupby=status');
    expect(sent[1]!.headers['ms-requestid']).not.toBe(sent[0]!.headers['ms-requestid']);
    expect(sent[1]!.headers['ms-correlationid']).toBe(sent[0]!.headers['ms-correlationid']);
  });
});
