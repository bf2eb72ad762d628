// The KPI tiles compare like with like (issue 13): the previous period's outcomes are counted as they stood at the
// same age as the current period's, checked against the sandbox's own counts with that filter.
import type { Page } from '@playwright/test';
import { previousOutcomeCutoff } from '../src/lib/analytics/same-age';
import { dataLastDay } from '../src/lib/dates/comparison';
import { compare, ne } from '../src/lib/filter-grammar';
import { apiFilterText } from '../src/features/filters/api-filter';
import { presetRange, previousRange } from '../src/features/filters/date-range';
import { DEFAULT_FILTERS } from '../src/features/filters/filter-state';
import {
  countChange,
  periodFigures,
  rateChange,
  VS_SAME_POINT,
} from '../src/features/overview/kpis/kpi-math';
import { expect, test } from './support/fixtures';
import { sandboxReferrals } from './support/sandbox-api';
import { sandboxFaults } from './support/sandbox-faults';
import { signIn } from './support/sign-in';

async function count(filter: string | undefined): Promise<number> {
  const body = (await sandboxReferrals({ filter: filter ?? '', top: '1' })) as {
    TotalCount: number;
  };
  return body.TotalCount;
}

const tile = (page: Page, name: string) => page.getByRole('group', { name });

test.beforeEach(async ({ page }) => {
  await sandboxFaults.clear();
  await signIn(page);
});

test('the Won and Win rate tiles compare with the previous period at the same point', async ({
  page,
}) => {
  const today = process.env.E2E_ANCHOR_DATE ?? '';
  const range = presetRange('3m', new Date(`${today}T12:00:00Z`));
  const previous = previousRange(range);
  // The same point: the day that corresponds to the data's last day (yesterday: Partner Center lags about a day).
  const cutoff = previousOutcomeCutoff(range, dataLastDay(today));
  const reachedBy = (stage: 'acceptedDate' | 'wonDate', period: typeof range, until?: string) =>
    count(
      apiFilterText(
        DEFAULT_FILTERS,
        period,
        ne(stage, null),
        until ? compare(stage, 'lt', until) : null,
      ),
    );
  const now = periodFigures({
    total: await count(apiFilterText(DEFAULT_FILTERS, range)),
    accepted: await reachedBy('acceptedDate', range),
    won: await reachedBy('wonDate', range),
  });
  const before = periodFigures({
    total: await count(
      apiFilterText(DEFAULT_FILTERS, previous, compare('createdDate', 'lt', cutoff)),
    ),
    accepted: await reachedBy('acceptedDate', previous, cutoff),
    won: await reachedBy('wonDate', previous, cutoff),
  });
  // The previous period as it stands today has had longer: a naive comparison would differ.
  expect(await reachedBy('wonDate', previous)).toBeGreaterThan(before.won);

  const won = tile(page, 'Won');
  await expect(won).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await expect(won.locator('.kpi-tile__value')).toHaveText(now.won.toLocaleString('en-US'));
  await expect(won).toContainText(
    countChange(now.won, before.won, VS_SAME_POINT)?.text ?? 'missing',
  );
  await expect(won).toContainText('vs the previous period at the same point');
  await expect(won).toContainText(/\d+ accepted, still open/);

  const winRate = tile(page, 'Win rate');
  await expect(winRate).toHaveAttribute('aria-busy', 'false');
  await expect(winRate).toContainText(rateChange(now.winRate, before.winRate)?.text ?? 'missing');
  await expect(winRate).toContainText('Won ÷ accepted');
});
