// The chart's "every bucket" factory in src/lib/api/queries.ts, against a scripted API.
import { describe, expect, it } from 'vitest';
import { createReferralsClient } from './client';
import { allGroupedReferralsQuery } from './queries';
import { createQueryClient } from './query-client';
import { jsonResponse, scriptedFetch } from './test-helpers';

describe('allGroupedReferralsQuery', () => {
  it('follows @nextLink until the last page and returns every bucket, counts as numbers', async () => {
    const { fetch, sent } = scriptedFetch(
      jsonResponse({
        Value: [{ status: 'Won', referralCount: '2' }],
        '@nextLink': 'referrals?groupby=status&top=1&skip=1',
        TotalCount: 2,
      }),
      jsonResponse({
        value: [{ status: 'Lost', referralCount: 3 }],
        '@nextLink': null,
        totalCount: 2,
      }),
    );
    const client = createReferralsClient({ getAccessToken: async () => 'tok', fetch });
    const buckets = await createQueryClient().fetchQuery(
      allGroupedReferralsQuery(client, { groupby: ['status'], top: 1 }),
    );
    expect(buckets).toEqual([
      { key: { status: 'Won' }, count: 2 },
      { key: { status: 'Lost' }, count: 3 },
    ]);
    expect(sent.map((r) => new URL(r.url, 'https://x').searchParams.get('skip'))).toEqual([
      null,
      '1',
    ]);
  });

  it('asks for the largest page by default', async () => {
    const { fetch, sent } = scriptedFetch(jsonResponse({ Value: [], TotalCount: 0 }));
    const client = createReferralsClient({ getAccessToken: async () => 'tok', fetch });
    await createQueryClient().fetchQuery(
      allGroupedReferralsQuery(client, { groupby: ['customerMarket'] }),
    );
    expect(new URL(sent[0]?.url ?? '', 'https://x').searchParams.get('top')).toBe('10000');
  });
});
