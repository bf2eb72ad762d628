import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ReferralsQuery } from '../../lib/api/types';
import { renderWithDashboard } from '../filters/testing/renderWithDashboard';
import { useDashboardFilters } from '../filters';
import { WinRateChart } from './WinRateChart';

function Chart() {
  return <WinRateChart state={useDashboardFilters()} />;
}

/**
 * Two accepted, one won and one lost referral in the first week of each period asked for (one request may ask for
 * both periods); the lost one is read from the lost-date buckets of the accepted referrals.
 */
const grouped = (query: ReferralsQuery) => {
  const starts = [...(query.filter ?? '').matchAll(/createdDate ge cast\('([\d-]+)/g)].map(
    (match) => match[1] ?? null,
  );
  if (query.groupby?.includes('lostDate')) {
    expect(query.filter).toMatch(/acceptedDate ne null and lostDate ne null and wonDate eq null$/);
    const createdDate = starts[0] ?? null;
    return {
      buckets: [
        { key: { status: 'Lost', createdDate, lostDate: createdDate }, count: 1 },
        { key: { status: 'Won', createdDate, lostDate: null }, count: 1 },
      ],
      totalCount: 2,
      next: null,
    };
  }
  const count = query.filter?.includes('wonDate ne null') ? 1 : 2;
  return {
    buckets: starts.map((createdDate) => ({ key: { createdDate }, count })),
    totalCount: starts.length,
    next: null,
  };
};

describe('WinRateChart', () => {
  it('names both lines in its legend, each a toggle', async () => {
    const user = userEvent.setup();
    renderWithDashboard(<Chart />, { api: { grouped } });
    const legend = await screen.findByRole('group', { name: 'Lines shown' });
    const current = within(legend).getByRole('button', { name: 'This period' });
    const previous = within(legend).getByRole('button', {
      name: 'Previous period',
    });
    expect(current).toHaveAttribute('aria-pressed', 'true');
    expect(
      within(legend).getByRole('button', { name: 'Decided win rate (won ÷ (won + lost))' }),
    ).toHaveAttribute('aria-pressed', 'true');
    await user.click(previous);
    expect(previous).toHaveAttribute('aria-pressed', 'false');
    expect(current).toHaveAttribute('aria-pressed', 'true');
    await user.click(previous);
    expect(previous).toHaveAttribute('aria-pressed', 'true');
  });

  it('shows this period’s and the previous period’s win rate per bucket in its table', async () => {
    const user = userEvent.setup();
    renderWithDashboard(<Chart />, { api: { grouped } });
    const figure = screen.getByRole('figure', { name: 'Win rate over time' });
    await user.click(await within(figure).findByRole('button', { name: 'View as table' }));
    await waitFor(() => expect(within(figure).getAllByRole('row').length).toBeGreaterThan(2));
    const first = within(figure).getAllByRole('row')[1];
    expect([...(first?.children ?? [])].map((cell) => cell.textContent)).toEqual([
      'Week of Aug 24, 2026',
      '2',
      '1',
      '50%',
      '1',
      '0',
      '50%',
      '',
      'Week of May 18, 2026',
      '50%',
    ]);
  });
});
