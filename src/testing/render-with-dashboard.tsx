// Renders dashboard components the way the app does (URL state, React Query, the referrals client), with a fake
// client answering from a handler and a pinned clock. For component tests only.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { NuqsAdapter } from 'nuqs/adapters/react-router/v7';
import { NuqsTestingAdapter, type UrlUpdateEvent } from 'nuqs/adapters/testing';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import type { ReferralsClient } from '../lib/api/client';
import { ReferralsClientProvider } from '../lib/api/client-context';
import type { GroupedReferralsPage, ReferralsPage, ReferralsQuery } from '../lib/api/types';
import type { Referral } from '../lib/referrals/schema';
import { ClockProvider } from '../features/filters/clock';

export const TEST_NOW = new Date('2026-11-24T12:00:00Z');

/** The dashboard's clock at TEST_NOW, as a wrapper for hooks rendered alone. */
export function TestClock({ children }: { children: ReactNode }) {
  return <ClockProvider now={() => TEST_NOW}>{children}</ClockProvider>;
}

export interface FakeApi {
  page?(query: ReferralsQuery): ReferralsPage | Promise<ReferralsPage>;
  grouped?(query: ReferralsQuery): GroupedReferralsPage | Promise<GroupedReferralsPage>;
}

export function fakeClient(api: FakeApi) {
  const calls: { kind: 'page' | 'grouped'; query: ReferralsQuery }[] = [];
  const client: ReferralsClient = {
    page: async (query) => {
      calls.push({ kind: 'page', query });
      if (!api.page) throw new Error(`Unexpected page query ${JSON.stringify(query)}`);
      return api.page(query);
    },
    // The same request as `page`, its rows cut down to the dates asked for, as the real client does.
    datesPage: async (query, fields) => {
      calls.push({ kind: 'page', query });
      if (!api.page) throw new Error(`Unexpected page query ${JSON.stringify(query)}`);
      const page = await api.page(query);
      return {
        ...page,
        rows: page.rows.map((row) => {
          const dates = {} as Pick<Referral, (typeof fields)[number]>;
          for (const field of fields) dates[field] = row[field];
          return dates;
        }),
      };
    },
    grouped: async (query) => {
      calls.push({ kind: 'grouped', query });
      if (!api.grouped) throw new Error(`Unexpected grouped query ${JSON.stringify(query)}`);
      return api.grouped(query);
    },
  };
  return { client, calls };
}

/**
 * `appUrl`: the URL state through nuqs' React Router adapter on the window's address, as the app has it, for tests
 * of what re-renders: it re-renders a hook only for its own keys, where the testing adapter re-renders every hook on
 * any change. `urlUpdates` stays empty then; `lastUrl` reads the address.
 */
export function renderWithDashboard(
  ui: ReactElement,
  {
    api = {},
    search = '',
    appUrl = false,
  }: { api?: FakeApi; search?: string; appUrl?: boolean } = {},
) {
  const { client, calls } = fakeClient(api);
  const urlUpdates: UrlUpdateEvent[] = [];
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  if (appUrl) window.history.replaceState(null, '', `/${search}`);
  const url = (children: ReactNode) =>
    appUrl ? (
      <MemoryRouter>
        <NuqsAdapter>{children}</NuqsAdapter>
      </MemoryRouter>
    ) : (
      <NuqsTestingAdapter
        searchParams={search}
        hasMemory
        onUrlUpdate={(event) => urlUpdates.push(event)}
      >
        {children}
      </NuqsTestingAdapter>
    );
  const result = render(
    url(
      <QueryClientProvider client={queryClient}>
        <ReferralsClientProvider client={client}>
          <ClockProvider now={() => TEST_NOW}>{ui}</ClockProvider>
        </ReferralsClientProvider>
      </QueryClientProvider>,
    ),
  );
  const lastUrl = () =>
    appUrl ? window.location.search : (urlUpdates.at(-1)?.queryString ?? search);
  return { ...result, calls, urlUpdates, lastUrl, queryClient, client };
}
