import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api/errors';
import { ANALYTICS_STALE_TIME_MS } from '../../lib/api/query-client';
import { referral } from '../../lib/api/test-helpers';
import type { ReferralsPage, ReferralsQuery } from '../../lib/api/types';
import { FilterBar, useDashboardFilters } from '../filters';
import { renderWithDashboard } from '../../testing/render-with-dashboard';
import { ReferralsSection } from './referrals-section';

const TOTAL = 120;

/** Renders of the status cells: they re-render when the table does. */
const badgeRenders = vi.hoisted(() => ({ count: 0 }));
vi.mock('./status-badge', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./status-badge')>();
  return {
    ...actual,
    StatusBadge: (props: Parameters<typeof actual.StatusBadge>[0]) => {
      badgeRenders.count += 1;
      return <actual.StatusBadge {...props} />;
    },
  };
});

// happy-dom lays nothing out, so every element is 0 px high and the virtualised table would show no
// rows: give the table's scroll container the height a browser would.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('referrals-table__scroll') ? 720 : 0;
    },
  });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});

/** 120 referrals, newest first, paged by top/skip; `fail` answers some filters with an error. */
function api(fail?: (query: ReferralsQuery) => Error | null) {
  return {
    page(query: ReferralsQuery): ReferralsPage {
      const error = fail?.(query);
      if (error) throw error;
      const skip = query.skip ?? 0;
      const top = query.top ?? 10000;
      const rows = Array.from({ length: Math.max(0, Math.min(top, TOTAL - skip)) }, (_, i) =>
        referral({ id: String(1000 - skip - i), customerName: `Customer ${skip + i + 1}` }),
      );
      return { rows, totalCount: TOTAL, next: null };
    },
  };
}

function StatusWonButton() {
  const { setFilters } = useDashboardFilters();
  return (
    <button type="button" onClick={() => setFilters({ status: ['Won'] })}>
      Only won
    </button>
  );
}

function renderSection(options: Parameters<typeof renderWithDashboard>[1] = {}) {
  return renderWithDashboard(
    <MemoryRouter>
      <StatusWonButton />
      <FilterBar />
      <ReferralsSection />
    </MemoryRouter>,
    options,
  );
}

const pageRequests = (calls: { kind: string; query: ReferralsQuery }[]) =>
  calls.filter((call) => call.kind === 'page').map((call) => call.query);

describe('ReferralsSection', () => {
  it('shows the page out of TotalCount and fetches the next page ahead on intent only', async () => {
    const user = userEvent.setup();
    const view = renderSection({ api: api() });
    // As the app's query client: data stays fresh for a while, so a prefetched page is used as is.
    view.queryClient.setDefaultOptions({
      queries: { retry: false, staleTime: ANALYTICS_STALE_TIME_MS },
    });
    expect(await screen.findByText('1–50 of 120 ·')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Referrals' })).toHaveAttribute('aria-rowcount', '51');
    expect(screen.getByText('Customer 1')).toBeInTheDocument();
    // Sizes as the charts and filters say them, not the API's '10to50employees'.
    expect(screen.getAllByText('10–50')).not.toHaveLength(0);
    expect(screen.queryByText('10to50employees')).not.toBeInTheDocument();
    // Not as the first page arrives: only when the pointer comes to Next.
    expect(pageRequests(view.calls).filter((query) => query.skip === 50)).toHaveLength(0);
    await user.hover(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() =>
      expect(pageRequests(view.calls)).toContainEqual(
        expect.objectContaining({ skip: 50, top: 50 }),
      ),
    );

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('51–100 of 120 ·')).toBeInTheDocument();
    expect(view.lastUrl()).toContain('page=2');
    expect(pageRequests(view.calls).filter((query) => query.skip === 50)).toHaveLength(1);
  });

  it('returns to the first page when the filter bar changes, without asking for the old page', async () => {
    const user = userEvent.setup();
    const view = renderSection({ api: api(), search: '?page=3' });
    expect(await screen.findByText('101–120 of 120 ·')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Only won' }));
    expect(await screen.findByText('1–50 of 120 ·')).toBeInTheDocument();
    const won = pageRequests(view.calls).filter((query) => query.filter?.includes("'Won'"));
    expect(won.map((query) => query.skip ?? 0)).not.toContain(100);
    expect(won[0]).toMatchObject({ top: 50 });
    expect(view.lastUrl()).not.toContain('page=3');
  });

  it('joins a typed expression (filter bar) with the bar’s other filters and puts it in the URL', async () => {
    const user = userEvent.setup();
    const view = renderSection({ api: api() });
    await screen.findByText('1–50 of 120 ·');
    await user.type(
      screen.getByRole('textbox', { name: 'Filter expression' }),
      "customerMarket eq 'US' or customerMarket eq 'DE'{Enter}",
    );
    await waitFor(() =>
      expect(pageRequests(view.calls).at(-1)?.filter).toMatch(
        /^createdDate ge .* and \(customerMarket eq 'US' or customerMarket eq 'DE'\)$/,
      ),
    );
    expect(view.lastUrl()).toContain('expr=');
  });

  it('shows the API’s description of a refused expression and keeps the rows on screen', async () => {
    const user = userEvent.setup();
    const refused = new ApiError({
      status: 400,
      code: '3000',
      description: "Field 'partnerMarket' cannot be compared with 'XX' here.",
      requestId: 'req-123',
    });
    renderSection({
      api: api((query) => (query.filter?.includes("'XX'") ? refused : null)),
    });
    await screen.findByText('1–50 of 120 ·');
    await user.type(
      screen.getByRole('textbox', { name: 'Filter expression' }),
      "partnerMarket eq 'XX'{Enter}",
    );
    const alert = await screen.findByText(/cannot be compared with 'XX'/);
    expect(alert.closest('[role="alert"]')).toHaveTextContent('Request ID: req-123');
    expect(screen.getByText('Customer 1')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Filter expression' })).toHaveValue(
      "partnerMarket eq 'XX'",
    );
  });

  it('sends nothing for an expression that does not parse, and keeps the rows', async () => {
    const user = userEvent.setup();
    const view = renderSection({ api: api() });
    await screen.findByText('1–50 of 120 ·');
    await waitFor(() => expect(pageRequests(view.calls)).toHaveLength(1));
    await user.type(screen.getByRole('textbox', { name: 'Filter expression' }), 'status eq{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('The filter expression was not applied.');
    expect(pageRequests(view.calls)).toHaveLength(1);
    expect(screen.getByText('Customer 1')).toBeInTheDocument();
    expect(view.lastUrl()).not.toContain('expr=');
  });

  it('marks the previous filter’s rows as such when the new filter fails, and keeps their export off', async () => {
    const user = userEvent.setup();
    const outage = new ApiError({ status: 500, description: 'Down', requestId: 'req-500' });
    renderSection({ api: api((query) => (query.filter?.includes("'Won'") ? outage : null)) });
    await screen.findByText('1–50 of 120 ·');
    expect(screen.queryByText(/Previous result/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Only won' }));
    const line = await screen.findByText(/Previous result/);
    expect(line.closest('p')).toHaveTextContent(
      /these rows are for Created \d{4}-\d\d-\d\d to 2026-11-24, page 1, not the filter now chosen/,
    );
    expect(screen.getByText('Customer 1')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Referrals' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('button', { name: 'Export visible rows' })).toBeDisabled();
    // The old filter's count is not shown as if it were the new one's.
    expect(screen.queryByText(/of 120/)).not.toBeInTheDocument();
  });

  it('says the rows are the previous page when only the next page fails', async () => {
    const user = userEvent.setup();
    const outage = new ApiError({ status: 500, description: 'Down', requestId: 'req-500' });
    renderSection({ api: api((query) => (query.skip === 50 ? outage : null)) });
    await screen.findByText('1–50 of 120 ·');
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    const line = await screen.findByText(/Previous result/);
    expect(line.closest('p')).toHaveTextContent(/, page 1, not the page now chosen\.$/);
  });

  it('re-renders only the row links when the granularity changes, and they carry it', async () => {
    const user = userEvent.setup();
    renderWithDashboard(
      <>
        <FilterBar />
        <ReferralsSection />
      </>,
      { api: api(), appUrl: true },
    );
    const table = await screen.findByRole('table', { name: 'Referrals' });
    const link = await within(table).findByRole('link', { name: '1000' });
    expect(link.getAttribute('href')).not.toContain('granularity');
    const before = badgeRenders.count;
    expect(before).toBeGreaterThan(0);

    await user.click(screen.getByRole('radio', { name: 'Month' }));
    await waitFor(() => expect(window.location.search).toBe('?granularity=month'));
    await waitFor(() =>
      expect(within(table).getByRole('link', { name: '1000' }).getAttribute('href')).toContain(
        'granularity=month',
      ),
    );
    expect(badgeRenders.count).toBe(before);

    // A filter change does re-render the table.
    await user.selectOptions(screen.getByLabelText('Date field'), 'Accepted');
    await waitFor(() => expect(badgeRenders.count).toBeGreaterThan(before));
  });
});
