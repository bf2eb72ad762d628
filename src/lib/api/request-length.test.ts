import { describe, expect, it } from 'vitest';
import { MAX_FILTER_LENGTH } from '../referrals/schema';
import { createReferralsClient } from './client';
import { ApiError } from './errors';
import {
  MAX_REQUEST_URL_LENGTH,
  filterLengthProblem,
  filterRequestLength,
  requestTooLongMessage,
} from './request-length';
import { jsonResponse, scriptedFetch } from './test-helpers';

// Nine characters each once encoded (three UTF-8 bytes, each %XX): the case the limit is for.
const cjk = (n: number) => '銀'.repeat(n);

describe('filterRequestLength', () => {
  it('measures the encoded address, with room for the other parameters', () => {
    const short = filterRequestLength("status eq 'Won'");
    expect(short).toBeGreaterThan(
      "/api/partner/v1/analytics/referrals?filter=status%20eq%20'Won'".length,
    );
    expect(filterRequestLength(`customerName eq '${cjk(100)}'`)).toBeGreaterThan(900);
  });
});

describe('filterLengthProblem', () => {
  it('lets an ordinary filter through', () => {
    expect(filterLengthProblem("customerMarket eq 'US'", "customerMarket eq 'US'")).toBeNull();
    expect(filterLengthProblem(undefined, '')).toBeNull();
  });

  it('refuses a filter the contract allows whose address is too long, giving length and limit', () => {
    const typed = `customerName eq '${cjk(1000)}'`;
    expect(typed.length).toBeLessThan(MAX_FILTER_LENGTH);
    const problem = filterLengthProblem(typed, typed);
    expect(problem).not.toBeNull();
    expect(problem!.message).toMatch(
      /^The request would be 9,\d{3} characters long once encoded; the limit is 8,192/,
    );
    expect(problem!.position).toBe(0);
    expect(problem!.length).toBe(typed.length);
  });

  it('is exactly at the limit: one character more is refused', () => {
    let n = 0;
    while (filterRequestLength(`x'${'a'.repeat(n + 1)}'`) <= MAX_REQUEST_URL_LENGTH) n += 1;
    expect(filterLengthProblem(`x'${'a'.repeat(n)}'`, 'x')).toBeNull();
    expect(filterLengthProblem(`x'${'a'.repeat(n + 1)}'`, 'x')).not.toBeNull();
  });
});

describe('the API client', () => {
  it('sends nothing for a request over the limit, and says why', async () => {
    const { fetch, sent } = scriptedFetch(jsonResponse({ Value: [] }));
    const client = createReferralsClient({ getAccessToken: async () => 'tok', fetch });
    const filter = `customerName eq '${cjk(1000)}'`;

    const error = await client.page({ filter, top: 10 }).catch((e: unknown) => e);

    expect(sent).toHaveLength(0);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('invalid-query');
    expect((error as ApiError).description).toBe(
      requestTooLongMessage(
        `/api/partner/v1/analytics/referrals?filter=${encodeURIComponent(filter)}&top=10`.length,
      ),
    );
  });
});
