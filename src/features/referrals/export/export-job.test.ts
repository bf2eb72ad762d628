import { describe, expect, it } from 'vitest';
import type { ReferralsClient } from '../../../lib/api/client';
import { ApiError } from '../../../lib/api/errors';
import type { ReferralsQuery, RequestContext } from '../../../lib/api/types';
import { createExportJob } from './export-job';

function recordingClient() {
  const calls: Array<{ query: ReferralsQuery; ctx: RequestContext | undefined }> = [];
  const client: ReferralsClient = {
    page: async (query, ctx) => {
      calls.push({ query, ctx });
      return { rows: [], totalCount: 0, next: null };
    },
    datesPage: async () => {
      throw new Error('not used');
    },
    grouped: async () => {
      throw new Error('not used');
    },
  };
  return { client, calls };
}

describe('createExportJob', () => {
  const input = {
    filter: "status eq 'Won'",
    format: 'csv' as const,
    fields: ['id' as const],
    fileName: () => 'x.csv',
  };

  it('asks the client for each page with the filter, top, skip and one correlation id', async () => {
    const { client, calls } = recordingClient();
    const job = createExportJob(client, input);
    const signal = new AbortController().signal;
    await job.fetchPage({ skip: 0, top: 10000 }, signal);
    await job.fetchPage({ skip: 10000, top: 10000 }, signal);
    expect(calls.map((call) => call.query)).toEqual([
      { filter: "status eq 'Won'", top: 10000, skip: 0 },
      { filter: "status eq 'Won'", top: 10000, skip: 10000 },
    ]);
    expect(calls[0]?.ctx?.signal).toBe(signal);
    expect(calls[0]?.ctx?.correlationId).toBe(calls[1]?.ctx?.correlationId);
    expect(calls[0]?.ctx?.requestId).not.toBe(calls[1]?.ctx?.requestId);
  });

  it('keeps the request id when a page is retried', async () => {
    const { client, calls } = recordingClient();
    const job = createExportJob(client, input);
    const signal = new AbortController().signal;
    await job.fetchPage({ skip: 20000, top: 10000 }, signal);
    await job.fetchPage({ skip: 20000, top: 10000 }, signal);
    expect(calls[0]?.ctx?.requestId).toBe(calls[1]?.ctx?.requestId);
  });

  it('fetches two pages at a time', () => {
    expect(createExportJob(recordingClient().client, input).concurrency).toBe(2);
  });

  it('uses the app’s retry policy: 429 and 5xx retried, 400 not', () => {
    const job = createExportJob(recordingClient().client, input);
    expect(job.retry?.(0, new ApiError({ status: 429, description: 'slow down' }))).toBe(true);
    expect(job.retry?.(0, new ApiError({ status: 503, description: 'down' }))).toBe(true);
    expect(job.retry?.(0, new ApiError({ status: 400, description: 'bad' }))).toBe(false);
    expect(
      job.retryDelay?.(0, new ApiError({ status: 429, description: 'x', retryAfterSeconds: 7 })),
    ).toBe(7000);
  });
});
