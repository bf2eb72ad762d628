import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeReferralsApi } from '../../../lib/api/fake-referrals-api';
import { referral } from '../../../lib/api/test-helpers';
import type { Referral } from '../../../lib/referrals/schema';
import { renderWithDashboard } from '../../../testing/render-with-dashboard';
import { FilterBar } from '../../filters';
import { KpiTiles } from './kpi-tiles';

/** What rendered, in order: 'tile' as a tile renders, 'bar' as a render of the filter bar commits. */
const renders = vi.hoisted(() => [] as string[]);
vi.mock('../../../components/kpi-tile', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../components/kpi-tile')>();
  return {
    ...actual,
    KpiTile: (props: Parameters<typeof actual.KpiTile>[0]) => {
      renders.push('tile');
      return <actual.KpiTile {...props} />;
    },
  };
});

const HOUR = 3_600_000;
const at = (ms: number) => new Date(ms).toISOString().slice(0, 19);

let nextId = 1;
/** A referral created at `created` (ISO), accepted `acceptHours` later, won `winDays` after that. */
function made(created: string, acceptHours?: number, winDays?: number, status?: string): Referral {
  const createdMs = Date.parse(`${created}Z`);
  const accepted = acceptHours === undefined ? null : createdMs + acceptHours * HOUR;
  const won = accepted === null || winDays === undefined ? null : accepted + winDays * 24 * HOUR;
  return referral({
    id: String(nextId++),
    status: status ?? (won !== null ? 'Won' : accepted !== null ? 'Accepted' : 'New'),
    createdDate: created,
    acknowledgedDate: accepted === null ? null : at(accepted),
    acceptedDate: accepted === null ? null : at(accepted),
    wonDate: won === null ? null : at(won),
  });
}

const tile = (name: string) => screen.getByRole('group', { name });
const TILES = [
  'Total referrals',
  'Accepted',
  'Won',
  'Win rate',
  'Acceptance rate',
  'Median time to accept',
  'Median time to win',
];

describe('KpiTiles', () => {
  // The default view on TEST_NOW (2026-11-24): 2026-08-24 to 2026-11-24, previous 2026-05-24 to 2026-08-23.
  it('shows counts, rates and medians with their change against the previous period', async () => {
    const rows = [
      ...Array.from({ length: 6 }, () => made('2026-09-01T00:00:00')),
      made('2026-09-01T00:00:00', 2, 4),
      made('2026-09-01T00:00:00', 30),
      made('2026-09-01T00:00:00', 50),
      made('2026-09-01T00:00:00', 50),
      ...Array.from({ length: 4 }, () => made('2026-06-01T00:00:00')),
      made('2026-06-01T00:00:00', 10, 2),
      made('2026-06-01T00:00:00', 20, 3),
      made('2026-06-01T00:00:00', 40),
      made('2026-06-01T00:00:00', 80),
    ];
    renderWithDashboard(<KpiTiles />, { api: fakeReferralsApi(rows) });
    await waitFor(() => expect(tile('Total referrals')).toHaveTextContent('10'));
    expect(tile('Total referrals')).toHaveTextContent('▲ +25% vs previous period');
    expect(tile('Accepted')).toHaveTextContent('▶ 0% vs the previous period at the same point');
    expect(tile('Won')).toHaveTextContent('▼ -50% vs the previous period at the same point');
    expect(tile('Win rate')).toHaveTextContent('25%');
    expect(tile('Win rate')).toHaveTextContent('-25 pts vs the previous period at the same point');
    expect(tile('Acceptance rate')).toHaveTextContent('40%');
    // What the figures still depend on: 6 referrals not answered yet, 3 accepted and not decided.
    await waitFor(() => expect(tile('Acceptance rate')).toHaveTextContent('6 not yet answered'));
    expect(tile('Win rate')).toHaveTextContent('Won ÷ accepted · 3 accepted, still open');
    // Days from created to accepted, read from day buckets: 0, 1, 2, 2 (median 1.5) against 0, 0, 1, 3 (0.5).
    await waitFor(() => expect(tile('Median time to accept')).toHaveTextContent('2 days'));
    expect(tile('Median time to accept')).toHaveTextContent('to within a day');
    expect(tile('Median time to accept')).toHaveTextContent(
      '▲ +1 day vs the previous period at the same point',
    );
  });

  it('compares with the same days last year, at the same point, when asked to', async () => {
    const rows = [
      made('2026-09-01T00:00:00', 2, 4),
      made('2026-09-01T00:00:00'),
      // A year earlier: won within the same time, and one accepted only after the same point (2025-11-24).
      made('2025-09-01T00:00:00', 2, 4),
      made('2025-09-01T00:00:00', 2, 4),
      made('2025-11-20T00:00:00', 24 * 10),
      // The previous period's, which this comparison leaves out.
      ...Array.from({ length: 5 }, () => made('2026-06-01T00:00:00', 1, 1)),
    ];
    const { calls } = renderWithDashboard(<KpiTiles />, {
      api: fakeReferralsApi(rows),
      search: '?compare=last-year',
    });
    await waitFor(() => expect(tile('Total referrals')).toHaveTextContent('2'));
    await waitFor(() =>
      expect(tile('Total referrals')).toHaveTextContent('▼ -33.3% vs the same period last year'),
    );
    expect(tile('Accepted')).toHaveTextContent(
      '▼ -50% vs the same period last year at the same point',
    );
    expect(tile('Won')).toHaveTextContent('▼ -50% vs the same period last year at the same point');
    expect(tile('Win rate')).toHaveTextContent(
      '0 pts vs the same period last year at the same point',
    );
    const change = tile('Won').querySelector('.kpi-change');
    expect(change).toHaveAttribute(
      'title',
      expect.stringContaining('Compared with 2025-08-24 to 2025-11-24 (UTC)'),
    );
    expect(calls.some((call) => (call.query.filter ?? '').includes("cast('2026-05-23'"))).toBe(
      false,
    );
  });

  it('shows no change and asks for no other period when comparisons are off', async () => {
    const rows = [made('2026-09-01T00:00:00', 2, 4), made('2026-06-01T00:00:00', 2, 4)];
    const { calls } = renderWithDashboard(<KpiTiles />, {
      api: fakeReferralsApi(rows),
      search: '?compare=off',
    });
    await waitFor(() => expect(tile('Won')).toHaveTextContent('1'));
    await waitFor(() => expect(tile('Median time to win')).toHaveTextContent('4 days'));
    for (const name of ['Total referrals', 'Accepted', 'Won', 'Win rate', 'Median time to win']) {
      expect(tile(name)).not.toHaveTextContent(/vs |Comparing|compare with/);
      expect(tile(name).querySelector('.kpi-change')).toBeNull();
    }
    expect(tile('Win rate')).toHaveTextContent('Won ÷ accepted');
    expect(
      calls.every((call) =>
        (call.query.filter ?? "createdDate ge cast('2026-08-24'").includes(
          "createdDate ge cast('2026-08-24'",
        ),
      ),
    ).toBe(true);
  });

  it('says "—" and why when there is nothing to divide by', async () => {
    renderWithDashboard(<KpiTiles />, { api: fakeReferralsApi([]) });
    await waitFor(() => expect(tile('Win rate')).toHaveTextContent('—'));
    expect(tile('Win rate')).toHaveTextContent('No accepted referrals to divide by');
    expect(tile('Acceptance rate')).toHaveTextContent('No referrals to divide by');
    expect(tile('Total referrals')).toHaveTextContent(
      'None in the previous period to compare with',
    );
    await waitFor(() => expect(tile('Median time to win')).toHaveTextContent('No won referrals'));
    expect(within(tile('Median time to win')).getByText('—')).toBeInTheDocument();
  });

  it('reads medians of a long range from rows when its week buckets hold few referrals', async () => {
    const rows = [
      made('2026-09-01T00:00:00', 5, 3),
      made('2026-09-02T00:00:00', 30, 10),
      made('2026-09-03T00:00:00', 52, 20),
    ];
    const { calls } = renderWithDashboard(<KpiTiles />, {
      api: fakeReferralsApi(rows),
      search: '?range=12m',
    });
    // Twelve months are read in week buckets; three referrals are cheaper as rows, and exact.
    await waitFor(() => expect(tile('Median time to accept')).toHaveTextContent('1.3 days'));
    expect(tile('Median time to accept')).not.toHaveTextContent('to within');
    expect(tile('Median time to win')).toHaveTextContent('10 days');
    const rowQueries = calls.filter((call) => call.kind === 'page' && call.query.top !== 1);
    expect(rowQueries.length).toBeGreaterThan(0);
    expect(rowQueries.every((call) => (call.query.filter ?? '').includes('ne null'))).toBe(true);
  });

  it('follows a granularity change after the render that shows it, with the same figures', async () => {
    const user = userEvent.setup();
    const rows = [made('2026-09-01T00:00:00', 2, 4), made('2026-09-01T00:00:00')];
    renderWithDashboard(
      <>
        <Profiler id="filters" onRender={() => renders.push('bar')}>
          <FilterBar />
        </Profiler>
        <KpiTiles />
      </>,
      { api: fakeReferralsApi(rows), appUrl: true },
    );
    await waitFor(() => expect(tile('Win rate')).toHaveTextContent('100%'));
    await waitFor(() => expect(tile('Median time to win')).toHaveTextContent('4 days'));
    const texts = () => TILES.map((name) => tile(name).textContent);
    const shown = texts();
    renders.length = 0;

    await user.click(screen.getByRole('radio', { name: 'Month' }));

    // The render that checks Month commits before any tile renders again (they would render first in it).
    expect(screen.getByRole('radio', { name: 'Month' })).toBeChecked();
    expect(renders[0]).toBe('bar');
    expect(renders).toContain('tile');
    expect(texts()).toEqual(shown);
  });
});
