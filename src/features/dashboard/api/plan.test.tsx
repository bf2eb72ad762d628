import { hashKey } from '@tanstack/react-query';
import { waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderWithDashboard, TEST_NOW } from '../../filters/testing/renderWithDashboard';
import { DashboardPage } from '../DashboardPage';
import { dashboardQueries } from './plan';

const emptyApi = {
  page: () => ({ rows: [], totalCount: 0, next: null }),
  grouped: () => ({ buckets: [], totalCount: 0, next: null }),
};

/** The query keys the dashboard itself asks for at `search`, once everything has settled. */
async function keysTheDashboardUses(search: string) {
  const { queryClient, client } = renderWithDashboard(
    <MemoryRouter initialEntries={[`/${search}`]}>
      <DashboardPage />
    </MemoryRouter>,
    { api: emptyApi, search },
  );
  await waitFor(() => {
    expect(queryClient.isFetching()).toBe(0);
    expect(queryClient.getQueryCache().getAll().length).toBeGreaterThan(5);
  });
  // Disabled queries (the filter choices, fetched when a list is about to open) are in the cache but never sent.
  const used = queryClient
    .getQueryCache()
    .getAll()
    .filter((query) => query.state.dataUpdateCount + query.state.errorUpdateCount > 0)
    .map((query) => hashKey(query.queryKey));
  const prefetched = dashboardQueries(client, search, TEST_NOW).map((query) =>
    hashKey(query.queryKey),
  );
  return { used: new Set(used), prefetched };
}

/** Page queries of the referrals table (the awaiting list's page of open referrals is not one). */
const isTablePage = (key: string) =>
  key.includes('"page"') && !key.includes("status eq 'New' or status eq 'Acknowledged'");

const keysOf = (search: string) => {
  const { client } = renderWithDashboard(<p />, { api: emptyApi });
  return dashboardQueries(client, search, TEST_NOW).map((query) => hashKey(query.queryKey));
};

describe('the request plan', () => {
  it('asks a default view for at most 12 distinct queries, none of them rows but the table page and the awaiting list', () => {
    const keys = keysOf('');
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeLessThanOrEqual(12);
    const rows = keys.filter((key) => !key.includes('"grouped"') && !key.includes('"count"'));
    expect(rows.filter(isTablePage)).toHaveLength(1);
    // The awaiting list needs each referral's id and created instant: rows of the open ones that can expire
    // within 3 days or are dated since yesterday (the rest is a count).
    expect(rows.filter((key) => !isTablePage(key))).toEqual([
      expect.stringContaining("status eq 'New' or status eq 'Acknowledged'"),
    ]);
  });

  it('needs nothing new when the granularity changes: the day buckets serve weeks and months', () => {
    const week = keysOf('');
    expect(keysOf('?granularity=day')).toEqual(week);
    expect(keysOf('?granularity=month')).toEqual(week);
  });

  it('asks a cross-filtered view for at most 12 queries', () => {
    for (const search of ['?status=Won', '?market=DE', '?reached=acceptedDate']) {
      expect(keysOf(search).length).toBeLessThanOrEqual(12);
    }
  });

  it('asks long ranges for one small count per stage instead of joint stage buckets', () => {
    const keys = keysOf('?range=24m');
    expect(keys.filter((key) => key.includes('"count"')).length).toBeGreaterThan(8);
    expect(keys.some((key) => key.includes('"acknowledgedDate","acceptedDate"'))).toBe(false);
  });
});

describe('dashboardQueries', () => {
  it.each([
    ['the default view', ''],
    [
      'filters, a granularity, a typed filter and a page size',
      "?range=12m&date=acceptedDate&status=Won&market=DE&granularity=day&expr=customerName%20eq%20'A'&size=25",
    ],
  ])('prefetches exactly what the dashboard asks for first, for %s', async (_, search) => {
    const { used, prefetched } = await keysTheDashboardUses(search);
    expect(prefetched.length).toBeGreaterThan(5);
    expect(new Set(prefetched).size).toBe(prefetched.length);
    expect(prefetched.filter((key) => !used.has(key))).toEqual([]);
    // With no rows anywhere the medians need no rows and there is no next table page: everything the
    // dashboard asked for was prefetched, but the awaiting list's rest, asked for because no row dates the data.
    expect([...used].filter((key) => !prefetched.includes(key))).toEqual([
      expect.stringMatching(
        /status eq 'New' or status eq 'Acknowledged'.*createdDate lt .*"top":1000/,
      ),
    ]);
  });

  it("asks for the table's page in the address", () => {
    const { client } = renderWithDashboard(<p />, { api: emptyApi });
    const keys = dashboardQueries(client, '?page=3&size=25', TEST_NOW).map((query) =>
      JSON.stringify(query.queryKey),
    );
    expect(keys.filter(isTablePage)).toEqual([expect.stringContaining('"top":25,"skip":50')]);
  });

  it('puts a typed filter in every query, as many as without it, and never sends an invalid one', () => {
    const { client } = renderWithDashboard(<p />, { api: emptyApi });
    const keys = (search: string) =>
      dashboardQueries(client, search, TEST_NOW).map((query) => JSON.stringify(query.queryKey));
    const none = keys('');
    const valid = keys("?expr=customerName%20eq%20'A'");
    expect(valid).toHaveLength(none.length);
    // The win rate chart's maturity cut-off is a statistic of all won referrals, on purpose not narrowed.
    const timeToWin = valid.filter((key) => key.includes('"groupby":["createdDate","wonDate"]'));
    expect(timeToWin).toHaveLength(1);
    const narrowed = valid.filter((key) => !timeToWin.includes(key));
    expect(narrowed.filter((key) => !key.includes("customerName eq 'A'"))).toEqual([]);
    expect(keys('?expr=customerName%20eq')).toEqual(none);
  });
});
