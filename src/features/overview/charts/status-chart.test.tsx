import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithDashboard } from '../../../testing/render-with-dashboard';
import { useDashboardFilters } from '../../filters';
import { StatusChart } from './status-chart';

function Chart() {
  return <StatusChart state={useDashboardFilters()} />;
}

const buckets = () => ({
  buckets: [
    { key: { status: 'Won', createdDate: '2026-11-02T00:00:00' }, count: 3 },
    { key: { status: 'New', createdDate: '2026-11-09T00:00:00' }, count: 2 },
    { key: { status: null, createdDate: null }, count: 1 },
  ],
  totalCount: 3,
  next: null,
});

describe('StatusChart', () => {
  it('asks for statuses per day of the view’s date field, whatever the granularity', async () => {
    const { calls } = renderWithDashboard(<Chart />, {
      search: '?date=wonDate&granularity=month',
      api: { grouped: buckets },
    });
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.query).toMatchObject({
      groupby: ['status', 'wonDate'],
      aggregationLevel: 'day',
      top: 10000,
    });
    expect(calls[0]?.query.filter).toMatch(/^wonDate ge cast\('2026-08-24'/);
  });

  it('fills empty weeks, labels the null buckets and totals each row', async () => {
    const user = userEvent.setup();
    renderWithDashboard(<Chart />, { api: { grouped: buckets } });
    const figure = screen.getByRole('figure', { name: 'Referrals per status' });
    await user.click(await within(figure).findByRole('button', { name: 'View as table' }));
    const rows = within(figure)
      .getAllByRole('row')
      .map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows[0]).toEqual(['Created', 'New', 'Won', 'Unknown', 'Total']);
    expect(rows).toHaveLength(1 + 14 + 1);
    expect(rows.find((r) => r[0] === 'Week of Nov 2, 2026')).toEqual([
      'Week of Nov 2, 2026',
      '0',
      '3',
      '0',
      '3',
    ]);
    expect(rows.find((r) => r[0] === 'Week of Oct 26, 2026')).toEqual([
      'Week of Oct 26, 2026',
      '0',
      '0',
      '0',
      '0',
    ]);
    expect(rows.at(-1)).toEqual(['No date', '0', '0', '1', '1']);
  });

  it('toggles a status with its legend button and cross-filters with the filter button', async () => {
    const user = userEvent.setup();
    const { lastUrl } = renderWithDashboard(<Chart />, { api: { grouped: buckets } });
    const legend = await screen.findByRole('group', { name: 'Statuses shown' });
    const won = within(legend).getByRole('button', { name: /^Won/ });
    expect(won).toHaveAttribute('aria-pressed', 'true');
    await user.click(won);
    expect(won).toHaveAttribute('aria-pressed', 'false');
    expect(
      within(legend).queryByRole('button', { name: 'Filter by Unknown' }),
    ).not.toBeInTheDocument();
    await user.click(within(legend).getByRole('button', { name: 'Filter by Won' }));
    expect(lastUrl()).toBe('?status=Won');
  });
});
