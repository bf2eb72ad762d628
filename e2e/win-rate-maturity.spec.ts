// Win rate over time marks its still-maturing buckets and shows open referrals, end to end: real sign-in, the proxy
// and the sandbox. The cut-off is worked out here from the sandbox's own answer.
import type { Locator, Page } from '@playwright/test';
import { bucketStarts } from '../src/lib/analytics/time-buckets';
import { addDaysToDay } from '../src/features/filters/date-range';
import { apiFilterText } from '../src/features/filters/api-filter';
import { dashboardView } from '../src/features/filters/dashboard-view';
import { DEFAULT_FILTERS } from '../src/features/filters/filter-state';
import { expect, test } from './support/fixtures';
import { sandboxReferrals } from './support/sandbox-api';
import { sandboxFaults } from './support/sandbox-faults';
import { signIn } from './support/sign-in';

const TITLE = 'Win rate over time';
const SCREENS = 'test-results/screens';
const figure = (page: Page) => page.getByRole('figure', { name: TITLE, exact: true });

async function tableColumn(chart: Locator, header: string): Promise<string[]> {
  const table = chart.getByRole('table');
  const headers = await table.locator('thead th').allTextContents();
  const index = headers.indexOf(header);
  expect(index, `column ${header} in ${headers.join(', ')}`).toBeGreaterThanOrEqual(0);
  return table.locator(`tbody tr > :nth-child(${index + 1})`).allTextContents();
}

/** The first day of the maturing buckets: today minus the time 75% of wins (last 24 months) take, plus half a month. */
async function maturingFrom(today: string): Promise<string> {
  const body = (await sandboxReferrals({
    filter: `createdDate ge '${addDaysToDay(today, -730)}' and wonDate ne null`,
    groupby: 'createdDate,wonDate',
    aggregationLevel: 'month',
    top: '10000',
  })) as { Value: { createdDate: string; wonDate: string; referralCount: number }[] };
  const month = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7));
  const diffs = body.Value.flatMap((b) =>
    Array<number>(Number(b.referralCount)).fill(month(b.wonDate) - month(b.createdDate)),
  ).sort((a, b) => a - b);
  const p75 = diffs[Math.ceil(0.75 * diffs.length) - 1] ?? 0;
  return addDaysToDay(today, -Math.ceil((p75 + 0.5) * 30.44) + 1);
}

test.beforeEach(async ({ page }) => {
  await sandboxFaults.clear();
  await signIn(page);
});

test('the win rate chart marks its maturing buckets and counts open referrals', async ({
  page,
}) => {
  const today = process.env.E2E_ANCHOR_DATE ?? '';
  // Over 24 months, where a settled past and a maturing end are both in view.
  const filters = { ...DEFAULT_FILTERS, preset: '24m' as const };
  const view = dashboardView(filters, null, today);
  const starts = bucketStarts(view.range, view.granularity);
  const from = await maturingFrom(today);
  // A bucket is maturing when its last day (the day before the next bucket starts) is on or after the cut-off.
  const expected = starts.map((_, i) => {
    const next = starts[i + 1];
    const last = next ? addDaysToDay(next, -1) : view.range.to;
    return last >= from ? 'Yes' : '';
  });
  expect(expected).toContain('Yes');
  expect(expected).toContain('');

  await page.goto('/?range=24m');
  const chart = figure(page);
  await expect(chart).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(chart).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await expect(chart.getByRole('group', { name: 'Lines shown' })).toContainText('Still maturing');
  await expect(chart.locator('.win-rate-maturing-area')).toHaveCount(1);
  await chart.screenshot({ path: `${SCREENS}/h8-win-rate-maturing.png` });

  await chart.getByRole('button', { name: 'View as table' }).click();
  expect(await tableColumn(chart, 'Still maturing')).toEqual(expected);

  // Open: accepted, neither won nor lost, as the sandbox counts them.
  const open = (await tableColumn(chart, 'Open')).reduce(
    (sum, cell) => sum + Number(cell.replace(/\D/g, '')),
    0,
  );
  const body = (await sandboxReferrals({
    filter:
      apiFilterText(filters, view.range) +
      ' and acceptedDate ne null and wonDate eq null and lostDate eq null',
    top: '1',
  })) as { TotalCount: number };
  expect(open).toBe(body.TotalCount);
});
