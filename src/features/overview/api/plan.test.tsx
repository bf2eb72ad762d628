import { hashKey } from '@tanstack/react-query';
import { waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderWithDashboard, TEST_NOW } from '../../../testing/render-with-dashboard';
import { DashboardPage } from '../dashboard-page';
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

  // On TEST_NOW (2026-11-24) the default range is 2026-08-24 to 2026-11-24, the previous period 2026-05-23 to
  // 2026-08-23.
  const PREVIOUS_START = "createdDate ge cast('2026-05-23'";
  const LAST_YEAR_START = "createdDate ge cast('2025-08-24'";

  it('asks nothing for a comparison when comparisons are off: fewer requests, none before the range', () => {
    const compared = keysOf('');
    const off = keysOf('?compare=off');
    expect(off.length).toBeLessThan(compared.length);
    expect(compared.some((key) => key.includes(PREVIOUS_START))).toBe(true);
    expect(off.filter((key) => key.includes(PREVIOUS_START))).toEqual([]);
    // Its only requests of its own are the outcome buckets of the range alone (with a comparison, one request
    // holds both periods' buckets).
    const own = off.filter((key) => !compared.includes(key));
    expect(own).toHaveLength(2);
    expect(own.every((key) => key.includes("createdDate ge cast('2026-08-24'"))).toBe(true);
    // The outcomes' same-age cut-off (before the range's first day) is asked of no period.
    expect(off.filter((key) => key.includes("lt cast('2026-08-24'"))).toEqual([]);
  });

  it('asks the same days a year earlier when comparing with last year, at the same point', () => {
    const keys = keysOf('?compare=last-year');
    expect(keys.filter((key) => key.includes(PREVIOUS_START))).toEqual([]);
    const lastYear = keys.filter((key) => key.includes(LAST_YEAR_START));
    // The Total tile's count, and the accepted and won buckets of both periods, one request each as for the
    // previous period: last year's only with outcomes before the same-age cut-off.
    expect(lastYear).toHaveLength(3);
    expect(lastYear.every((key) => key.includes("createdDate lt cast('2025-11-25'"))).toBe(true);
    const outcomes = lastYear.filter((key) => key.includes('"grouped"'));
    expect(outcomes).toHaveLength(2);
    expect(outcomes.every((key) => /(acceptedDate|wonDate) lt cast\('2025-11-24'/.test(key))).toBe(
      true,
    );
    expect(keys.length).toBe(keysOf('').length);
  });

  it('asks long ranges for the funnel in three small groups of stage dates, not one count per stage', () => {
    const keys = keysOf('?range=24m');
    const funnel = keys.filter(
      (key) =>
        key.includes('"aggregationLevel":"month"') &&
        /"groupby":\["(acknowledged|accepted|lost)Date"/.test(key),
    );
    expect(funnel).toHaveLength(3);
    expect(keys.some((key) => key.includes('"acknowledgedDate","acceptedDate"'))).toBe(false);
    // Counts: only the comparison period's total.
    expect(keys.filter((key) => key.includes('"count"'))).toHaveLength(1);
  });
});

describe('dashboardQueries', () => {
  it.each([
    ['the default view', ''],
    [
      'filters, a granularity, a typed filter and a page size',
      "?range=12m&date=acceptedDate&status=Won&market=DE&granularity=day&expr=customerName%20eq%20'A'&size=25",
    ],
    ['a comparison with the same period last year', '?compare=last-year'],
    ['no comparison', '?compare=off'],
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
