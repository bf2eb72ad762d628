import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ReferralsQuery } from '../../../lib/api/types';
import { renderWithDashboard } from '../../../testing/render-with-dashboard';
import { useDashboardFilters } from '../../filters';
import { WinRateChart } from './win-rate-chart';

const headers = (figure: HTMLElement) =>
  within(figure)
    .getAllByRole('columnheader')
    .map((cell) => cell.textContent);

function Chart() {
  return <WinRateChart state={useDashboardFilters()} />;
}

/**
 * Two accepted, one won and one lost referral in the first week of each period asked for (one request may ask for
 * both periods); the lost one is read from the buckets of accepted referrals lost and not won.
 */
const grouped = (query: ReferralsQuery) => {
  const starts = [...(query.filter ?? '').matchAll(/createdDate ge cast\('([\d-]+)/g)].map(
    (match) => match[1] ?? null,
  );
  if (query.filter?.includes('lostDate ne null')) {
    expect(query.filter).toMatch(/acceptedDate ne null and lostDate ne null and wonDate eq null$/);
    expect(query.groupby).toEqual(['createdDate']);
    const createdDate = starts[0] ?? null;
    return { buckets: [{ key: { createdDate }, count: 1 }], totalCount: 1, next: null };
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
    // The comparison's days on TEST_NOW (2026-11-24): the 3 months before 2026-08-24.
    const previous = within(legend).getByRole('button', {
      name: 'Previous period (2026-05-23 to 2026-08-23)',
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

  it('names the same period last year, with its days, in its legend, description and table', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithDashboard(<Chart />, {
      api: { grouped },
      search: '?compare=last-year',
    });
    const legend = await screen.findByRole('group', { name: 'Lines shown' });
    expect(
      within(legend).getByRole('button', {
        name: 'Same period last year (2025-08-24 to 2025-11-24)',
      }),
    ).toHaveAttribute('aria-pressed', 'true');
    const figure = screen.getByRole('figure', { name: 'Win rate over time' });
    expect(figure).toHaveTextContent(
      'dashed: the same period last year, 2025-08-24 to 2025-11-24, at the same point, counting only acceptances and wins dated before 2025-11-24',
    );
    await user.click(await within(figure).findByRole('button', { name: 'View as table' }));
    await waitFor(() => expect(within(figure).getAllByRole('row').length).toBeGreaterThan(2));
    expect(headers(figure).slice(-2)).toEqual([
      'Same period last year',
      'Win rate, same period last year',
    ]);
    const first = within(figure).getAllByRole('row')[1];
    expect([...(first?.children ?? [])].slice(-2).map((cell) => cell.textContent)).toEqual([
      'Week of Aug 18, 2025',
      '50%',
    ]);
    expect(calls.some((call) => (call.query.filter ?? '').includes("cast('2026-05-23'"))).toBe(
      false,
    );
  });

  it('draws no comparison when comparisons are off', async () => {
    const user = userEvent.setup();
    const { calls } = renderWithDashboard(<Chart />, { api: { grouped }, search: '?compare=off' });
    const legend = await screen.findByRole('group', { name: 'Lines shown' });
    expect(
      within(legend)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['This period', 'Decided win rate (won ÷ (won + lost))']);
    const figure = screen.getByRole('figure', { name: 'Win rate over time' });
    expect(figure).toHaveTextContent('no comparison (off in the filter bar)');
    await user.click(await within(figure).findByRole('button', { name: 'View as table' }));
    await waitFor(() => expect(within(figure).getAllByRole('row').length).toBeGreaterThan(2));
    expect(headers(figure).join(' | ')).not.toMatch(/period|last year/i);
    // Nothing of the previous period, nor any same-age cut-off, is asked for.
    expect(
      calls.filter((call) =>
        /cast\('2026-05-23'|lt cast\('2026-08-23'/.test(call.query.filter ?? ''),
      ),
    ).toEqual([]);
  });
});
