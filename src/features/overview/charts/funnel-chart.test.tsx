import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api/errors';
import { fakeReferralsApi } from '../../../lib/api/fake-referrals-api';
import { referral } from '../../../lib/api/test-helpers';
import type { DateField, Referral } from '../../../lib/referrals/schema';
import { downloadBlob } from '../../../lib/csv/download';
import { useDashboardFilters } from '../../filters';
import { renderWithDashboard } from '../../../testing/render-with-dashboard';
import { FunnelChart } from './funnel-chart';

vi.mock('../../../lib/csv/download', () => ({ downloadBlob: vi.fn() }));

const CREATED = '2026-09-01T00:00:00';
const LATER = '2026-09-05T00:00:00';

/** `count` referrals created in the default view that reached the given stages. */
function some(count: number, ...stages: DateField[]): Referral[] {
  const dates = Object.fromEntries(stages.map((stage) => [stage, LATER]));
  return Array.from({ length: count }, () =>
    referral({ createdDate: CREATED, acknowledgedDate: null, acceptedDate: null, ...dates }),
  );
}

/**
 * 200 referrals: 150 acknowledged, 100 accepted, 25 won; out by expiry 20, missed 10, declined 30, lost 40,
 * skipped 5, archived 15 (archived after being lost).
 */
const REFERRALS = [
  ...some(25, 'acknowledgedDate', 'acceptedDate', 'wonDate'),
  ...some(25, 'acknowledgedDate', 'acceptedDate', 'lostDate'),
  ...some(15, 'acknowledgedDate', 'acceptedDate', 'lostDate', 'archivedDate'),
  ...some(35, 'acknowledgedDate', 'acceptedDate'),
  ...some(30, 'acknowledgedDate', 'declinedDate'),
  ...some(20, 'acknowledgedDate', 'expiredDate'),
  ...some(10, 'missedDate'),
  ...some(5, 'skippedDate'),
  ...some(35),
];
const api = fakeReferralsApi(REFERRALS);

function Funnel() {
  return <FunnelChart state={useDashboardFilters()} />;
}

describe('FunnelChart', () => {
  it('is a figure named by its caption, with its stages as a table and back', async () => {
    const user = userEvent.setup();
    renderWithDashboard(<Funnel />, { api });
    const figure = screen.getByRole('figure', { name: 'Referral funnel' });
    await waitFor(() => expect(figure).toHaveAttribute('data-state', 'ready'));
    await user.click(within(figure).getByRole('button', { name: 'View as table' }));
    const table = within(figure).getByRole('table');
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(rows[1]).toBe('Created200100%Filter by Created');
    expect(rows[2]).toBe('Acknowledged15075%75%Filter by Acknowledged');
    expect(rows[4]).toBe('Won2512.5%25%Filter by Won');
    expect(rows.slice(5).map((row) => row?.replace(/\d.*/, ''))).toEqual([
      'Declined',
      'Expired',
      'Missed',
      'Skipped',
      'Lost',
      'Archived',
    ]);
    expect(rows[9]).toBe('Lost4020%Filter by Lost');
    expect(rows[10]).toBe('Archived157.5%Filter by Archived');
    await user.click(within(figure).getByRole('button', { name: 'View as chart' }));
    expect(within(figure).queryByRole('table')).not.toBeInTheDocument();
  });

  it('names its first stage after the date the range applies to', async () => {
    const user = userEvent.setup();
    renderWithDashboard(<Funnel />, { api, search: '?date=acceptedDate' });
    const figure = screen.getByRole('figure', { name: 'Referral funnel' });
    await user.click(await within(figure).findByRole('button', { name: 'View as table' }));
    const table = within(figure).getByRole('table');
    expect(within(table).getAllByRole('columnheader')[2]).toHaveTextContent(
      'Share of accepted in range',
    );
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(/^Accepted in range100100%/);
  });

  it('cross-filters from a table row with the keyboard', async () => {
    const user = userEvent.setup();
    const { lastUrl } = renderWithDashboard(<Funnel />, { api });
    await user.click(await screen.findByRole('button', { name: 'View as table' }));
    await screen.findByRole('table');
    screen.getByRole('button', { name: 'Filter by Won' }).focus();
    await user.keyboard('{Enter}');
    expect(lastUrl()).toBe('?reached=wonDate');
  });

  it('downloads its buckets as CSV named after the view', async () => {
    const user = userEvent.setup();
    renderWithDashboard(<Funnel />, { api });
    await user.click(await screen.findByRole('button', { name: 'Download CSV' }));
    const [blob, name] = vi.mocked(downloadBlob).mock.calls.at(-1) ?? [];
    expect(name).toBe('referral-funnel_created-2026-08-24-to-2026-11-24.csv');
    const text = await (blob as Blob).text();
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\r\n').slice(0, 3)).toEqual([
      '\uFEFFStage,Referrals,Share of created,From previous stage',
      'Created,200,100%,',
      'Acknowledged,150,75%,75%',
    ]);
  });

  it('asks each query of a cross-filtered view once, with no duplicate-query warning', async () => {
    const warn = vi.spyOn(console, 'warn');
    const fake = fakeReferralsApi(REFERRALS);
    const asked: string[] = [];
    renderWithDashboard(<Funnel />, {
      search: '?reached=acceptedDate',
      api: {
        page: (q) => {
          asked.push(JSON.stringify(q));
          return fake.page(q);
        },
        grouped: (q) => {
          asked.push(JSON.stringify(q));
          return fake.grouped(q);
        },
      },
    });
    const figure = screen.getByRole('figure', { name: 'Referral funnel' });
    await waitFor(() => expect(figure).toHaveAttribute('data-state', 'ready'));
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked).size).toBe(asked.length);
    expect(warn.mock.calls.flat().join(' ')).not.toContain('Duplicate Queries');
    warn.mockRestore();
  });

  it('says why it is empty', async () => {
    renderWithDashboard(<Funnel />, { api: fakeReferralsApi([]) });
    expect(await screen.findByText('No referrals match these filters.')).toBeInTheDocument();
    expect(screen.getByText(/can lag by about a day/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeDisabled();
  });

  it('shows the error with its request id and tries again', async () => {
    const user = userEvent.setup();
    let fail = true;
    renderWithDashboard(<Funnel />, {
      api: {
        grouped: (q) => {
          if (fail) {
            throw new ApiError({ status: 500, description: 'Server error', requestId: 'req-42' });
          }
          return api.grouped(q);
        },
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Request ID: req-42');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() =>
      expect(screen.getByRole('figure', { name: 'Referral funnel' })).toHaveAttribute(
        'data-state',
        'ready',
      ),
    );
  });
});
