// Issue 14, end to end: one message per page for a page-wide failure, the previous filter's rows marked as such,
// the typed filter expression narrowing every figure, and focus after a route change. Real sign-in, the proxy and
// the sandbox (its fault control for the failures).
import type { Page, Request } from '@playwright/test';
import { apiFilterText } from '../src/features/filters/api-filter';
import { presetRange } from '../src/features/filters/date-range';
import { DEFAULT_FILTERS, type DashboardFilters } from '../src/features/filters/filter-state';
import { expect, test } from './support/fixtures';
import { sandboxReferrals } from './support/sandbox-api';
import { sandboxFaults } from './support/sandbox-faults';
import { signIn } from './support/sign-in';
import { apiQuiet } from './support/api-quiet';

const SCREENS = '/work/helpers/screens';
const API_PATH = '/api/partner/v1/analytics/referrals';
const isApiRequest = (request: Request) => new URL(request.url()).pathname === API_PATH;

const totalTile = (page: Page) => page.getByRole('group', { name: 'Total referrals' });
const referralsTable = (page: Page) => page.getByRole('table', { name: 'Referrals' });
const parseCount = (text: string) => Number(text.replace(/[^\d]/g, ''));

/** The Total referrals figure once it is current (not loading, not updating). */
async function shownTotal(page: Page): Promise<number> {
  const tile = totalTile(page);
  const value = tile.locator('.kpi-tile__value');
  await expect(value).toHaveText(/^\d{1,3}(,\d{3})*$/, { timeout: 45_000 });
  await expect(tile).toHaveAttribute('aria-busy', 'false');
  return parseCount((await value.textContent()) ?? '');
}

/** What the sandbox itself counts for a filter bar state (asked directly, not through the app). */
async function sandboxCount(filters: DashboardFilters): Promise<number> {
  const preset = filters.preset === 'custom' ? '3m' : filters.preset;
  const range = presetRange(preset, new Date(`${process.env.E2E_ANCHOR_DATE}T12:00:00Z`));
  const body = (await sandboxReferrals({
    filter: apiFilterText(filters, range) ?? '',
    top: '1',
  })) as { TotalCount: number };
  return body.TotalCount;
}

async function rowIds(page: Page): Promise<string[]> {
  return referralsTable(page).locator('tbody tr[aria-rowindex] td:first-child').allTextContents();
}

async function screenshots(page: Page, name: string) {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: `${SCREENS}/h3-${name}-light.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SCREENS}/h3-${name}-dark.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
}

test.beforeEach(async ({ page }) => {
  // Sign-in and the dashboard on a busy 2-core machine, and the client's own retries of a 500.
  test.slow();
  await sandboxFaults.clear();
  await signIn(page);
  await expect(page.getByRole('search', { name: 'Filters' })).toBeVisible();
});

test.afterEach(async () => {
  await sandboxFaults.clear();
});

test('a persistent 500 on every request shows one banner with one Try again, which brings the data back', async ({
  page,
}) => {
  await shownTotal(page);
  // Every analytics request fails, more times than the client retries; a view not yet in the cache.
  await sandboxFaults.add({ status: 500, times: 10_000 });
  await page.goto('/?range=12m');

  const banner = page.getByRole('alert').filter({ hasText: 'Partner Center had a problem' });
  await expect(banner).toBeVisible({ timeout: 45_000 });
  await expect(banner).toContainText(/\d+ parts of this page show as unavailable/);
  // Once every query has given up retrying: still one message, one Try again, and quiet widgets.
  await expect(banner).toContainText('try again in a moment', { timeout: 60_000 });
  await expect(totalTile(page)).toContainText('Unavailable');
  await expect(page.getByRole('figure', { name: 'Referral funnel' })).toContainText('Unavailable');
  await expect(page.getByRole('alert')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(1);
  await expect(totalTile(page)).not.toContainText('Comparing');
  await banner.scrollIntoViewIfNeeded();
  await screenshots(page, 'error-banner');

  await sandboxFaults.clear();
  await banner.getByRole('button', { name: 'Try again' }).click();
  expect(await shownTotal(page)).toBe(await sandboxCount({ ...DEFAULT_FILTERS, preset: '12m' }));
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(referralsTable(page).locator('tbody tr[aria-rowindex]').first()).toBeVisible();
});

test('when a new filter fails, the previous rows stay, dimmed, with a line saying which filter they are for', async ({
  page,
}) => {
  await expect(referralsTable(page).locator('tbody tr[aria-rowindex]').first()).toBeVisible({
    timeout: 45_000,
  });
  await expect(referralsTable(page)).toHaveAttribute('aria-busy', 'false');
  const before = await rowIds(page);
  const range = presetRange('3m', new Date(`${process.env.E2E_ANCHOR_DATE}T12:00:00Z`));

  // Only the table's request for the new filter fails (the figures' requests group, so never end like this).
  const expression = "customerMarket eq 'US'";
  await sandboxFaults.add({ status: 500, times: 10_000, match: `${expression}&top=50` });
  await page.getByRole('textbox', { name: 'Filter expression' }).fill(expression);
  await page.getByRole('button', { name: 'Apply filter' }).click();

  const line = page.getByRole('status').filter({ hasText: /^Previous result:/ });
  await expect(line).toBeVisible({ timeout: 60_000 });
  await expect(line).toHaveText(
    `Previous result: these rows are for Created ${range.from} to ${range.to}, page 1, not the filter now chosen.`,
  );
  // The same rows as before, dimmed, with the table's own message, and no export of them.
  expect(await rowIds(page)).toEqual(before);
  await expect(page.getByRole('region', { name: 'Referrals table, scrollable' })).toHaveCSS(
    'opacity',
    '0.6',
  );
  await expect(
    page.getByRole('region', { name: 'Referrals', exact: true }).getByRole('alert'),
  ).toContainText('Partner Center had a problem');
  await expect(page.getByRole('button', { name: 'Export visible rows' })).toBeDisabled();
  await line.scrollIntoViewIfNeeded();
  await screenshots(page, 'stale-rows');
});

test('a typed filter expression narrows the KPIs as well as the table, and its chip removes it', async ({
  page,
}) => {
  const total = await shownTotal(page);
  expect(total).toBe(await sandboxCount(DEFAULT_FILTERS));

  const expression = "customerMarket eq 'US' or customerMarket eq 'DE'";
  const expected = await sandboxCount({ ...DEFAULT_FILTERS, expression });
  expect(expected).toBeGreaterThan(0);
  expect(expected).toBeLessThan(total);

  // The first view's own requests are done before we watch.
  await apiQuiet(page);
  const sent: string[] = [];
  page.on('request', (request) => {
    if (isApiRequest(request)) sent.push(new URL(request.url()).searchParams.get('filter') ?? '');
  });
  await page.getByRole('textbox', { name: 'Filter expression' }).fill(expression);
  await page.getByRole('button', { name: 'Apply filter' }).click();

  const chip = page.getByRole('button', { name: `Remove filter: Expression: ${expression}` });
  await expect(chip).toBeVisible();
  await expect.poll(() => shownTotal(page), { timeout: 60_000 }).toBe(expected);
  await expect(
    page.getByText(`1–50 of ${expected.toLocaleString('en-US')} ·`, { exact: true }),
  ).toBeVisible();
  // Every request the change made carries the expression (the figures' too), and no more than a first view makes.
  expect(sent.length).toBeGreaterThan(0);
  expect(sent.filter((filter) => !filter.includes(`(${expression})`))).toEqual([]);
  console.log(`Requests after applying the expression: ${sent.length}`);

  await chip.click();
  await expect(chip).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Filter expression' })).toHaveValue('');
  await expect(page).not.toHaveURL(/expr=/);
  await expect.poll(() => shownTotal(page), { timeout: 60_000 }).toBe(total);
});

test('opening a referral and going back puts focus on the page heading, not on the body', async ({
  page,
}) => {
  const link = referralsTable(page).getByRole('link').first();
  await expect(link).toBeVisible({ timeout: 45_000 });
  await link.click();
  const heading = page.getByRole('heading', { level: 1, name: /^Referral / });
  await expect(heading).toBeFocused();

  await page.getByRole('link', { name: 'Back to referrals' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Referrals overview' })).toBeFocused();
});
