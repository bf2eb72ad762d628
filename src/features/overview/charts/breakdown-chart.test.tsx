import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ReferralsQuery } from '../../../lib/api/types';
import { renderWithDashboard } from '../../../testing/render-with-dashboard';
import { useDashboardFilters } from '../../filters';
import { BreakdownChart } from './breakdown-chart';

const MARKETS = ['US', 'GB', 'DE', 'FR', 'IN', 'JP', 'AU', 'CA', 'BR', 'NL', 'SE', 'NO'];

const ACCEPTED = '2026-09-01T00:00:00';
const WON = '2026-10-01T00:00:00';

/**
 * Every market has 10 referrals less than the one before; half are accepted, a fifth won: as the joint answer of
 * `groupby=<field>,acceptedDate,wonDate` gives them.
 */
function grouped(query: ReferralsQuery) {
  const field = query.groupby?.[0] ?? 'customerMarket';
  expect(query.groupby).toEqual([field, 'acceptedDate', 'wonDate']);
  const values =
    field === 'customerMarket'
      ? MARKETS
      : ['Morethan20000employees', '1to50employees', '1to9employees', 'Mega'];
  const buckets = values.flatMap((value, i) => {
    const total = 200 - i * 10;
    const accepted = Math.round(total * 0.5);
    const won = Math.round(total * 0.2);
    return [
      { key: { [field]: value, acceptedDate: ACCEPTED, wonDate: WON }, count: won },
      { key: { [field]: value, acceptedDate: ACCEPTED, wonDate: null }, count: accepted - won },
      { key: { [field]: value, acceptedDate: null, wonDate: null }, count: total - accepted },
    ];
  });
  return { buckets, totalCount: buckets.length, next: null };
}

function Chart({ field }: { field: 'customerMarket' | 'customerOrgSize' }) {
  return <BreakdownChart field={field} state={useDashboardFilters()} />;
}

async function tableRows(name: string) {
  const figure = screen.getByRole('figure', { name });
  await userEvent
    .setup()
    .click(await within(figure).findByRole('button', { name: 'View as table' }));
  return within(figure)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.children].map((cell) => cell.textContent));
}

describe('BreakdownChart', () => {
  it('shows the top 10 markets and Other with a win rate each; Other cannot be filtered by', async () => {
    renderWithDashboard(<Chart field="customerMarket" />, { api: { grouped } });
    const rows = await tableRows('Referrals by customer market');
    expect(rows).toHaveLength(11);
    expect(rows[0]).toEqual(['US', '200', '100', '40', '40%', 'Filter by US']);
    expect(rows[10]).toEqual(['Other (2)', '190', '95', '38', '40%', '']);
  });

  it('puts organisation sizes in size order, the older ones as a group, and filters by one from the keyboard', async () => {
    const user = userEvent.setup();
    const { lastUrl } = renderWithDashboard(<Chart field="customerOrgSize" />, {
      api: { grouped },
    });
    const rows = await tableRows('Referrals by organisation size');
    expect(rows.map((r) => r[0])).toEqual([
      '1–9',
      '20,000+',
      'Older size bands',
      '1–50 (older)',
      'Mega',
    ]);
    expect(screen.getByRole('columnheader', { name: 'Older size bands' })).toHaveAttribute(
      'scope',
      'colgroup',
    );
    screen.getByRole('button', { name: 'Filter by 1–9' }).focus();
    await user.keyboard('{Enter}');
    expect(lastUrl()).toBe('?orgSize=1to9employees');
  });
});
