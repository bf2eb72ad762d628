import { hashKey, type QueryClient } from '@tanstack/react-query';
import { matchRoutes, type LoaderFunction, type RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { dashboardQueries } from '../features/overview/api/plan';
import { dashboardViewAt } from '../features/filters';
import { fakeClient, TEST_NOW, type FakeApi } from '../testing/render-with-dashboard';
import { referralQuery } from '../features/referrals/drilldown/referral-queries';
import { tablePageQuery } from '../features/referrals/api/referrals-page';
import { responseTimesQueries } from '../features/response-times/api/response-times';
import { precisionFor } from '../features/response-times/model/precision';
import { createQueryClient } from '../lib/api/query-client';
import { referral } from '../lib/api/test-helpers';
import { appRoutes } from './router';
import type { RouteSession } from './routes/view-loader';

/** An API that never answers: Partner Center at its slowest. */
const silentApi: FakeApi = {
  page: () => new Promise(() => undefined),
  grouped: () => new Promise(() => undefined),
};

function session(api: FakeApi, restore: (queryClient: QueryClient) => void = () => undefined) {
  const { client, calls } = fakeClient(api);
  const queryClient = createQueryClient();
  const routeSession: RouteSession = {
    queryClient,
    client,
    restoreKeptAnswers: async () => restore(queryClient),
  };
  return { session: routeSession, client, calls, queryClient };
}

/** The route the address lands on (the last match). */
function routeAt(routes: RouteObject[], path: string): RouteObject {
  const route = matchRoutes(routes, path)?.at(-1)?.route;
  if (!route) throw new Error(`no route at ${path}`);
  return route;
}

/** Runs the loader of the route at `address` as the router would, once its lazy loader has loaded. */
async function runLoader(routes: RouteObject[], address: string) {
  const url = new URL(address, 'https://lens.example');
  const match = matchRoutes(routes, url.pathname)?.at(-1);
  const lazy = match?.route.lazy;
  if (!match || typeof lazy !== 'object' || !lazy.loader)
    throw new Error(`no lazy loader at ${address}`);
  const loader = (await lazy.loader()) as LoaderFunction;
  return loader({
    request: new Request(url),
    url,
    pattern: match.route.path ?? '/',
    params: match.params,
    context: undefined,
  });
}

const startedKeys = (queryClient: QueryClient) =>
  queryClient
    .getQueryCache()
    .getAll()
    .map((query) => query.queryHash)
    .sort();

const keysOf = (queries: readonly { queryKey: readonly unknown[] }[]) =>
  [...new Set(queries.map((query) => hashKey(query.queryKey)))].sort();

describe('the route table', () => {
  const routes = appRoutes(session(silentApi).session);

  it('sends each address to its page, anything else to the not-found page', () => {
    expect(routeAt(routes, '/').id).toBe('overview');
    expect(routeAt(routes, '/response-times').id).toBe('response-times');
    expect(routeAt(routes, '/referrals/R-42').id).toBe('referral');
    expect(routeAt(routes, '/nothing/here').id).toBe('not-found');
  });

  it("loads every page's code on demand, and each view's loader beside it", async () => {
    for (const path of ['/', '/response-times', '/referrals/R-42', '/nothing/here']) {
      const { lazy, Component, loader } = routeAt(routes, path);
      expect(Component).toBeUndefined();
      expect(loader).toBeUndefined();
      if (typeof lazy !== 'object' || !lazy.Component) throw new Error(`${path} is not lazy`);
      expect(typeof (await lazy.Component())).toBe('function');
      expect(lazy.loader === undefined).toBe(path === '/nothing/here');
    }
  });

  it('runs a loader as its view is entered, not on filter or paging changes within it', () => {
    const revalidate = (from: string, to: string) =>
      routeAt(routes, new URL(to, 'https://x').pathname).shouldRevalidate?.({
        currentUrl: new URL(from, 'https://x'),
        nextUrl: new URL(to, 'https://x'),
        currentParams: {},
        nextParams: {},
        defaultShouldRevalidate: true,
      });
    expect(revalidate('/?page=2', '/?page=3')).toBe(false);
    expect(revalidate('/referrals/1?page=2', '/referrals/2?page=2')).toBe(true);
  });
});

describe('the loaders', () => {
  const search = '?range=12m&status=Won&page=2&size=100';

  it("start the dashboard's plan with the keys its hooks use, without waiting for Partner Center", async () => {
    const { session: s, client, queryClient } = session(silentApi);
    await expect(
      runLoader(
        appRoutes(s, () => TEST_NOW),
        `/${search}`,
      ),
    ).resolves.toBeNull();
    const planned = keysOf(dashboardQueries(client, search, TEST_NOW));
    expect(planned.length).toBeGreaterThan(5);
    expect(startedKeys(queryClient)).toEqual(planned);
    expect(queryClient.isFetching()).toBe(planned.length);
  });

  it('paint from the kept answers: restored before the requests start, which skip what is fresh', async () => {
    const { client: plainClient } = fakeClient(silentApi);
    const [kept] = dashboardQueries(plainClient, '', TEST_NOW);
    if (!kept) throw new Error('the plan is empty');
    const {
      session: s,
      calls,
      queryClient,
    } = session(silentApi, (restored) => restored.setQueryData(kept.queryKey, []));
    await runLoader(
      appRoutes(s, () => TEST_NOW),
      '/',
    );
    expect(queryClient.getQueryState(kept.queryKey)?.fetchStatus).toBe('idle');
    expect(queryClient.getQueryData(kept.queryKey)).toEqual([]);
    expect(calls.length).toBe(queryClient.isFetching());
  });

  it('leave a failed request to the figure that shows it, never failing the route', async () => {
    const failing: FakeApi = {
      page: () => Promise.reject(new Error('down')),
      grouped: () => Promise.reject(new Error('down')),
    };
    const { session: s, queryClient } = session(failing);
    const { client } = fakeClient(failing);
    queryClient.setDefaultOptions({
      queries: { ...queryClient.getDefaultOptions().queries, retry: false },
    });
    await expect(
      runLoader(
        appRoutes(s, () => TEST_NOW),
        '/',
      ),
    ).resolves.toBeNull();
    const [first] = dashboardQueries(client, '', TEST_NOW);
    await expect.poll(() => queryClient.getQueryState(first!.queryKey)?.status).toBe('error');
  });

  it('start the response-times queries of the view at the address', async () => {
    const { session: s, client, queryClient } = session(silentApi);
    await runLoader(
      appRoutes(s, () => TEST_NOW),
      `/response-times${search}`,
    );
    const { filters, range } = dashboardViewAt(search, TEST_NOW);
    expect(startedKeys(queryClient)).toEqual(
      keysOf(responseTimesQueries(client, filters, range, precisionFor(range))),
    );
  });

  it('take a referral from the list page that holds it, without asking the API for it again', async () => {
    const { client: plainClient } = fakeClient(silentApi);
    const { apiFilter } = dashboardViewAt(search, TEST_NOW);
    const list = tablePageQuery(plainClient, apiFilter, 2, 100);
    const row = referral({ id: 'R-42', customerName: 'Contoso' });
    const listed = { rows: [referral({ id: 'R-41' }), row], totalCount: 2, next: null };
    const {
      session: s,
      calls,
      queryClient,
    } = session(silentApi, (restored) => restored.setQueryData(list.queryKey, listed));
    await runLoader(
      appRoutes(s, () => TEST_NOW),
      `/referrals/R-42${search}`,
    );
    const { queryKey } = referralQuery(plainClient, 'R-42');
    expect(queryClient.getQueryData(queryKey)).toEqual({ rows: [row], totalCount: 1, next: null });
    expect(queryClient.getQueryState(queryKey)?.fetchStatus).toBe('idle');
    expect(calls).toEqual([]);
  });

  it('start the referral and the list page it was opened from', async () => {
    const { session: s, client, queryClient } = session(silentApi);
    await runLoader(
      appRoutes(s, () => TEST_NOW),
      `/referrals/R-42${search}`,
    );
    const { apiFilter } = dashboardViewAt(search, TEST_NOW);
    expect(startedKeys(queryClient)).toEqual(
      keysOf([referralQuery(client, 'R-42'), tablePageQuery(client, apiFilter, 2, 100)]),
    );
  });
});
