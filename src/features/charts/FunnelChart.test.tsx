import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api/errors';
import type { ReferralsQuery } from '../../lib/api/types';
import { downloadBlob } from '../../lib/csv/download';
import { useDashboardFilters } from '../filters/useDashboardFilters';
import { renderWithDashboard } from '../filters/testing/renderWithDashboard';
import { FunnelChart } from './FunnelChart';

vi.mock('../../lib/csv/download', () => ({ downloadBlob: vi.fn() }));

const STAGE_COUNTS: Record<string, number> = {
  acknowledgedDate: 150,
  acceptedDate: 100,
  wonDate: 25,
  expiredDate: 20,
  missedDate: 10,
  declinedDate: 30,
  lostDate: 40,
};

/** A count per funnel stage, read from the `<stage> ne null` the chart adds to the view's filter. */
function countFor(query: ReferralsQuery, created = 200) {
  const stage = /(\w+Date) ne null$/.exec(query.filter ?? '')?.[1];
  return { rows: [], totalCount: stage ? (STAGE_COUNTS[stage] ?? 0) : created, next: null };
}

function Funnel() {
  return <FunnelChart state={useDashboardFilters()} />;
}

describe('FunnelChart', () => {
  it('is a figure named by its caption, with its stages as a table and back', async () => {
    const user = userEvent.setup();
    renderWithDashboard(<Funnel />, { api: { page: (q) => countFor(q) } });
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
    expect(rows[8]).toBe('Lost4020%Filter by Lost');
    await user.click(within(figure).getByRole('button', { name: 'View as chart' }));
    expect(within(figure).queryByRole('table')).not.toBeInTheDocument();
  });

  it('cross-filters from a table row with the keyboard', async () => {
    const user = userEvent.setup();
    const { lastUrl } = renderWithDashboard(<Funnel />, { api: { page: (q) => countFor(q) } });
    await user.click(await screen.findByRole('button', { name: 'View as table' }));
    await screen.findByRole('table');
    screen.getByRole('button', { name: 'Filter by Won' }).focus();
    await user.keyboard('{Enter}');
    expect(lastUrl()).toBe('?reached=wonDate');
  });

  it('downloads its buckets as CSV named after the view', async () => {
    const user = userEvent.setup();
    renderWithDashboard(<Funnel />, { api: { page: (q) => countFor(q) } });
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

  it('asks a stage the cross-filter makes the view itself once, with no duplicate-query warning', async () => {
    const warn = vi.spyOn(console, 'warn');
    const asked: string[] = [];
    renderWithDashboard(<Funnel />, {
      search: '?reached=acceptedDate',
      api: {
        page: (q) => {
          asked.push(q.filter ?? '');
          // Every referral in this view was accepted: the created and accepted counts agree.
          return countFor(q, STAGE_COUNTS.acceptedDate);
        },
      },
    });
    const figure = screen.getByRole('figure', { name: 'Referral funnel' });
    await waitFor(() => expect(figure).toHaveAttribute('data-state', 'ready'));
    expect(new Set(asked).size).toBe(asked.length);
    expect(warn.mock.calls.flat().join(' ')).not.toContain('Duplicate Queries');
    warn.mockRestore();
  });

  it('says why it is empty', async () => {
    renderWithDashboard(<Funnel />, { api: { page: (q) => countFor(q, 0) } });
    expect(await screen.findByText('No referrals match these filters.')).toBeInTheDocument();
    expect(screen.getByText(/can lag by about a day/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeDisabled();
  });

  it('shows the error with its request id and tries again', async () => {
    const user = userEvent.setup();
    let fail = true;
    renderWithDashboard(<Funnel />, {
      api: {
        page: (q) => {
          if (fail && q.filter?.endsWith('wonDate ne null')) {
            throw new ApiError({ status: 500, description: 'Server error', requestId: 'req-42' });
          }
          return countFor(q);
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
