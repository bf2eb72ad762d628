import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { referral } from '../../lib/api/test-helpers';
import type { ReferralsPage, ReferralsQuery } from '../../lib/api/types';
import { renderWithDashboard } from '../filters/testing/renderWithDashboard';
import { KpiTiles } from './KpiTiles';

interface Period {
  total: number;
  accepted: number;
  won: number;
  /** Hours from created to accepted, one per accepted referral. */
  acceptHours?: number[];
}

const CURRENT_START = "createdDate ge cast('2026-08-24'";

/** Answers count and row queries for the current and previous periods from the given figures. */
function api(current: Period, previous: Period) {
  return {
    page(query: ReferralsQuery): ReferralsPage {
      const period = query.filter?.startsWith(CURRENT_START) ? current : previous;
      const stage = /(\w+Date) ne null$/.exec(query.filter ?? '')?.[1];
      const count =
        stage === 'acceptedDate'
          ? period.accepted
          : stage === 'wonDate'
            ? period.won
            : period.total;
      if (query.top === 1) return { rows: [], totalCount: count, next: null };
      const rows = (period.acceptHours ?? []).map((hours, i) =>
        referral({
          id: String(i),
          createdDate: '2026-09-01T00:00:00',
          acceptedDate: new Date(Date.UTC(2026, 8, 1) + hours * 3_600_000)
            .toISOString()
            .slice(0, 19),
        }),
      );
      return { rows, totalCount: rows.length, next: null };
    },
  };
}

const tile = (name: string) => screen.getByRole('group', { name });

describe('KpiTiles', () => {
  it('shows counts, rates and medians with their change against the previous period', async () => {
    renderWithDashboard(<KpiTiles />, {
      api: api(
        { total: 12345, accepted: 400, won: 100, acceptHours: [2, 30, 50] },
        { total: 10000, accepted: 500, won: 100, acceptHours: [10, 20] },
      ),
    });
    await waitFor(() => expect(tile('Total referrals')).toHaveTextContent('12,345'));
    expect(tile('Total referrals')).toHaveTextContent('▲ +23.5% vs previous period');
    expect(tile('Accepted')).toHaveTextContent('▼ -20% vs previous period');
    expect(tile('Won')).toHaveTextContent('▶ 0% vs previous period');
    expect(tile('Win rate')).toHaveTextContent('25%');
    expect(tile('Win rate')).toHaveTextContent('+5 pts vs previous period');
    expect(tile('Acceptance rate')).toHaveTextContent('3.2%');
    await waitFor(() => expect(tile('Median time to accept')).toHaveTextContent('1.3 days'));
    expect(tile('Median time to accept')).toHaveTextContent('▲ +0.6 days vs previous period');
  });

  it('says "—" and why when there is nothing to divide by', async () => {
    renderWithDashboard(<KpiTiles />, {
      api: api({ total: 0, accepted: 0, won: 0 }, { total: 0, accepted: 0, won: 0 }),
    });
    await waitFor(() => expect(tile('Win rate')).toHaveTextContent('—'));
    expect(tile('Win rate')).toHaveTextContent('No accepted referrals to divide by');
    expect(tile('Acceptance rate')).toHaveTextContent('No referrals to divide by');
    expect(tile('Total referrals')).toHaveTextContent(
      'None in the previous period to compare with',
    );
    await waitFor(() => expect(tile('Median time to win')).toHaveTextContent('No won referrals'));
    expect(within(tile('Median time to win')).getByText('—')).toBeInTheDocument();
  });

  it('pages through the accepted referrals and shows its progress', async () => {
    const base = api({ total: 30000, accepted: 25000, won: 0 }, { total: 0, accepted: 0, won: 0 });
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const skips: number[] = [];
    renderWithDashboard(<KpiTiles />, {
      api: {
        async page(query) {
          if (query.top === 1 || !query.filter?.startsWith(CURRENT_START)) return base.page(query);
          skips.push(query.skip ?? 0);
          if (query.skip === 20000) await held;
          return { rows: [referral()], totalCount: 25000, next: null };
        },
      },
    });
    await waitFor(() =>
      expect(tile('Median time to accept')).toHaveTextContent('Computing… 2 of 3 pages'),
    );
    release();
    await waitFor(() => expect(tile('Median time to accept')).toHaveTextContent('2 days'));
    expect(skips.sort((a, b) => a - b)).toEqual([0, 10000, 20000]);
  });
});
