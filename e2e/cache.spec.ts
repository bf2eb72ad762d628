// The persisted query cache and the data status bar, end to end: real sign-in, the proxy and the sandbox. Slow
// answers are made in the browser (page.route holds the API requests until the test lets them go), so the tests
// decide when Partner Center answers instead of racing a timer.
import type { Page, Route } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { keptEntries, type KeptEntry } from './support/kept-answers';
import { sandboxFaults } from './support/sandbox-faults';
import { completeSandboxSignIn, signIn, signOut } from './support/sign-in';
import { CHART_TITLES } from './support/dashboard';

const API = '**/api/partner/v1/analytics/referrals**';

const figure = (page: Page, name: string) => page.getByRole('figure', { name, exact: true });

async function expectChartsPainted(page: Page, busy?: 'true' | 'false') {
  for (const title of CHART_TITLES) {
    await expect(figure(page, title)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    if (busy !== undefined) {
      await expect(figure(page, title)).toHaveAttribute('aria-busy', busy, { timeout: 30_000 });
    }
  }
}

/** The top of the page (header, data status bar, title), in light and dark. */
async function screenshotTop(page: Page, name: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({
      path: `test-results/screens/${name}-${colorScheme}.png`,
      clip: { x: 0, y: 0, width: 1280, height: 240 },
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Holds every API request the page makes from now on, unanswered, until `release`. */
async function holdApiRequests(page: Page) {
  const held: Route[] = [];
  await page.route(API, (route) => {
    held.push(route);
  });
  return {
    held,
    async release() {
      await page.unroute(API);
      for (const route of held.splice(0)) await route.continue().catch(() => undefined);
    },
  };
}

/** Signed in, the dashboard painted from Partner Center, and its answers written to the cache. */
async function firstVisit(page: Page): Promise<KeptEntry[]> {
  await signIn(page);
  await expectChartsPainted(page, 'false');
  await expect(page.getByText(/^Data as of/).filter({ visible: true })).toBeVisible();
  let entries: KeptEntry[] = [];
  await expect
    .poll(async () => (entries = await keptEntries(page)).length, { timeout: 15_000 })
    .toBeGreaterThanOrEqual(CHART_TITLES.length);
  return entries;
}

// This spec is about answers kept across page loads (the other specs start each load cold).
test.use({ keepAnswersAcrossLoads: true });

test.beforeEach(async () => {
  await sandboxFaults.clear();
});

test("a return visit paints the charts from the account's cache before any API request answers", async ({
  page,
}) => {
  const entries = await firstVisit(page);
  const accounts = new Set(entries.map((entry) => entry.account));
  expect(accounts.size).toBe(1);

  // Ten minutes later: the kept answers are stale, so the page asks again, and Partner Center is slow.
  const aged = await keptEntries(page, 10 * 60_000);
  const oldest = Math.min(...aged.map((entry) => entry.dataUpdatedAt));
  const api = await holdApiRequests(page);
  await page.reload();

  await expectChartsPainted(page);
  await expect.poll(() => api.held.length).toBeGreaterThan(0);
  const asOf = page.getByText(/^Data as of/).filter({ visible: true });
  await expect(asOf).toBeVisible();
  await expect(asOf.locator('time')).toHaveAttribute('datetime', /Z$/);
  const shownAsOf = Date.parse((await asOf.locator('time').getAttribute('datetime')) ?? '');
  // The time of the oldest kept answer the page shows, not of now.
  expect(shownAsOf).toBeGreaterThanOrEqual(oldest);
  // The page's clock, which E2E_ANCHOR_DATE sets to another day than this process's.
  const pageNow = await page.evaluate(() => Date.now());
  expect(shownAsOf).toBeLessThan(pageNow - 9 * 60_000);
  await expect(page.getByRole('status').filter({ hasText: 'Refreshing…' })).toBeVisible();
  expect(api.held.length).toBeGreaterThan(0);

  // Partner Center answers: the page settles on fresh data.
  await api.release();
  await expectChartsPainted(page, 'false');
  await expect(page.getByText('Refreshing…')).toHaveCount(0);
  const refreshedAsOf = Date.parse((await asOf.locator('time').getAttribute('datetime')) ?? '');
  expect(refreshedAsOf).toBeGreaterThan((await page.evaluate(() => Date.now())) - 5 * 60_000);
});

test('after sign-out the browser keeps no referral data', async ({ page }) => {
  const entries = await firstVisit(page);
  expect(entries.length).toBeGreaterThan(0);

  await signOut(page);

  // The sign-out's last redirect may still be landing: read again once the page is settled.
  await expect.poll(() => keptEntries(page)).toEqual([]);
});

test("switching account removes the kept answers of the account left, and keeps each account's apart", async ({
  page,
}) => {
  // Two sign-ins and three dashboards.
  test.setTimeout(120_000);
  const ada = new Set((await firstVisit(page)).map((entry) => entry.account));
  expect(ada.size).toBe(1);

  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign in with another account' }).click();
  await completeSandboxSignIn(page, 'Grace Hopper');
  await expect(page.getByRole('button', { name: 'Account menu' })).toContainText('Grace Hopper');
  await expectChartsPainted(page, 'false');
  // Both accounts signed in: each one's answers under its own id.
  await expect
    .poll(async () => new Set((await keptEntries(page)).map((entry) => entry.account)).size)
    .toBe(2);
  const grace = [...new Set((await keptEntries(page)).map((entry) => entry.account))].filter(
    (account) => !ada.has(account),
  );
  expect(grace).toHaveLength(1);

  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Switch to Ada Lovelace' }).click();
  await expect(page.getByRole('button', { name: 'Account menu' })).toContainText('Ada Lovelace');
  await expectChartsPainted(page, 'false');
  await expect
    .poll(async () => (await keptEntries(page)).filter((entry) => grace.includes(entry.account)))
    .toEqual([]);
  expect((await keptEntries(page)).every((entry) => ada.has(entry.account))).toBe(true);
});

test('a slow answer shows one notice counting the seconds, and Cancel keeps the screen', async ({
  page,
}) => {
  await firstVisit(page);
  const total = page.getByRole('group', { name: 'Total referrals' });
  const totalBefore = await total.textContent();
  await screenshotTop(page, 'cache-data-as-of');
  const api = await holdApiRequests(page);

  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByText('Refreshing…')).toBeVisible();
  const notice = page.getByText(/Partner Center is taking longer than usual/);
  await expect(notice).toHaveCount(1, { timeout: 10_000 });
  await expect(notice).toHaveText(/taking longer than usual \(\d+ s\)/);
  const seconds = async () => Number((await notice.textContent())?.match(/\((\d+) s\)/)?.[1]);
  const first = await seconds();
  expect(first).toBeGreaterThanOrEqual(5);
  await expect.poll(seconds).toBeGreaterThan(first);
  await screenshotTop(page, 'cache-slow-notice');

  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByText('Refreshing…')).toHaveCount(0);
  await expectChartsPainted(page, 'false');
  await expect(total).toHaveText(totalBefore ?? '');
  await expect(page.getByRole('button', { name: 'Refresh' })).toBeFocused();
  await api.release();
});
