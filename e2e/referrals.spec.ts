// The referrals table end to end: real sign-in, the proxy and the sandbox. Paging, the typed filter
// expression, drill-down and back, exports (parsed), a 10,000-row page and hostile customer names.
import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from '@playwright/test';
import Papa from 'papaparse';
import { apiFilterText } from '../src/features/filters/api-filter';
import { presetRange, type RangePreset } from '../src/features/filters/date-range';
import { DEFAULT_FILTERS } from '../src/features/filters/filter-state';
import { expect, test } from './support/fixtures';
import { seriousViolations } from './support/accessibility';
import { sandboxReferrals } from './support/sandbox-api';
import { sandboxFaults } from './support/sandbox-faults';
import { signIn } from './support/sign-in';

const SCREENS = 'test-results/screens';

/** The scroll container as in-page code sees it (this file is compiled without the DOM's types). */
interface Scrollable {
  scrollTop: number;
  scrollHeight: number;
  scrollTo(options: { top: number }): void;
}

interface SandboxRow {
  id: string;
  customerName: string;
  customerMarket: string;
}

/** What the sandbox itself answers for the dashboard's range and a typed expression. */
async function sandboxPage({
  range = '3m',
  expr = '',
  top = 1,
  skip = 0,
}: {
  range?: Exclude<RangePreset, 'custom'>;
  expr?: string;
  top?: number;
  skip?: number;
} = {}): Promise<{ rows: SandboxRow[]; total: number }> {
  const days = presetRange(range, new Date(`${process.env.E2E_ANCHOR_DATE}T12:00:00Z`));
  const body = (await sandboxReferrals({
    filter: apiFilterText({ ...DEFAULT_FILTERS, preset: range, expression: expr }, days) ?? '',
    top: String(top),
    skip: String(skip),
  })) as { Value: SandboxRow[]; TotalCount: number };
  return { rows: body.Value, total: body.TotalCount };
}

const count = (n: number) => new Intl.NumberFormat('en-US').format(n);

function referralsTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Referrals' });
}

function section(page: Page): Locator {
  return page.getByRole('region', { name: 'Referrals', exact: true });
}

function scrollContainer(page: Page): Locator {
  return page.getByRole('region', { name: 'Referrals table, scrollable' });
}

/** The rendered data rows (spacer rows are hidden from assistive technology and skipped). */
function bodyRows(page: Page): Locator {
  return referralsTable(page).locator('tbody tr[aria-rowindex]');
}

async function renderedIds(page: Page): Promise<string[]> {
  return bodyRows(page).locator('td:first-child').allTextContents();
}

/** Waits until the table shows the page the pagination text names, not a previous one. */
async function expectRange(page: Page, text: string) {
  // Generous: the shared test machine can take many seconds to render the dashboard.
  await expect(page.getByText(`${text} ·`, { exact: true })).toBeVisible({ timeout: 45_000 });
  await expect(referralsTable(page)).toHaveAttribute('aria-busy', 'false');
}

async function openDashboard(page: Page, search = '') {
  await signIn(page);
  if (search !== '') await page.goto(`/${search}`);
  await expect(referralsTable(page)).toBeVisible({ timeout: 45_000 });
}

async function csvRecords(download: Download): Promise<{ bom: boolean; records: string[][] }> {
  const bytes = await readFile(await download.path());
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n$/, '');
  const parsed = Papa.parse<string[]>(text, { newline: '\r\n' });
  expect(parsed.errors).toEqual([]);
  return { bom, records: parsed.data };
}

test.beforeEach(async () => {
  // Sign-in, the dashboard and large exports on a busy 2-core machine.
  test.slow();
  await sandboxFaults.clear();
});

test('pages forward and back, changes page size, keeps it all in the URL', async ({ page }) => {
  const { total, rows: expected } = await sandboxPage({ top: 100 });
  expect(total).toBeGreaterThan(100);
  await openDashboard(page);

  await expectRange(page, `1–50 of ${count(total)}`);
  expect((await renderedIds(page))[0]).toBe(expected[0]?.id);
  await page.screenshot({ path: `${SCREENS}/referrals-dashboard.png`, fullPage: true });
  await section(page).screenshot({ path: `${SCREENS}/referrals-table.png` });

  await page.getByRole('button', { name: 'Next page' }).click();
  await expectRange(page, `51–100 of ${count(total)}`);
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  expect((await renderedIds(page))[0]).toBe(expected[50]?.id);

  await page.getByRole('button', { name: 'Previous page' }).click();
  await expectRange(page, `1–50 of ${count(total)}`);

  await page.getByRole('button', { name: 'Last page' }).click();
  const lastFirst = Math.floor((total - 1) / 50) * 50 + 1;
  await expectRange(page, `${count(lastFirst)}–${count(total)} of ${count(total)}`);
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();
  await page.getByRole('button', { name: 'First page' }).click();
  await expectRange(page, `1–50 of ${count(total)}`);

  await page.getByRole('combobox', { name: 'Rows per page' }).selectOption('100');
  await expectRange(page, `1–100 of ${count(total)}`);
  await expect(referralsTable(page)).toHaveAttribute('aria-rowcount', '101');
  await expect(page).toHaveURL(/[?&]size=100(&|$)/);

  await page.reload();
  await expectRange(page, `1–100 of ${count(total)}`);
  expect(await seriousViolations(page, 'section.referrals')).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page, 'section.referrals')).toEqual([]);
});

test('a typed filter expression is validated before it is sent', async ({ page }) => {
  const expr = "customerMarket eq 'US'";
  const { total } = await sandboxPage({ expr });
  await openDashboard(page);
  await expect(bodyRows(page).first()).toBeVisible();
  const before = await renderedIds(page);

  const input = page.getByRole('textbox', { name: 'Filter expression' });
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/')) requests.push(request.url());
  });
  await input.fill("customerMarket eq 'US' and");
  await page.getByRole('button', { name: 'Apply filter' }).click();
  const alert = page
    .getByRole('alert')
    .filter({ hasText: 'The filter expression was not applied' });
  await expect(alert).toContainText(/position \d+/);
  await expect(input).toHaveValue("customerMarket eq 'US' and");
  expect(await renderedIds(page)).toEqual(before);
  expect(requests).toEqual([]);
  await expect(page).not.toHaveURL(/expr=/);
  await section(page).screenshot({ path: `${SCREENS}/referrals-filter-error.png` });

  await input.fill(expr);
  await page.getByRole('button', { name: 'Apply filter' }).click();
  await expect(alert).toBeHidden();
  await expectRange(page, `1–${count(Math.min(50, total))} of ${count(total)}`);
  await expect(page).toHaveURL(/expr=customerMarket/);
  const markets = await bodyRows(page).locator('td:nth-child(3)').allTextContents();
  expect(new Set(markets)).toEqual(new Set(['US']));
});

test('opens a referral and comes back to the same page, filters and scroll', async ({ page }) => {
  const { rows } = await sandboxPage({ top: 25, skip: 50 });
  await openDashboard(page, '?page=3&size=25');
  await expectRange(page, `51–75 of ${count((await sandboxPage()).total)}`);

  const scroller = scrollContainer(page);
  await scroller.evaluate((element) => (element as unknown as Scrollable).scrollTo({ top: 300 }));
  await expect
    .poll(() => scroller.evaluate((element) => (element as unknown as Scrollable).scrollTop))
    .toBe(300);
  const target = rows[12]!;
  await referralsTable(page).getByRole('link', { name: target.id, exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`/referrals/${target.id}\\?`));
  const heading = page.getByRole('heading', { name: /^Referral \d+/ });
  await expect(heading).toContainText(`Referral ${target.id}`);
  await expect(heading).toContainText(target.customerName);
  await expect(page.getByRole('heading', { name: 'Lifecycle' })).toBeVisible();
  await expect(page.getByText('13 of 25 on page 3')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/referrals-drill-down.png`, fullPage: true });

  await page.getByRole('link', { name: 'Next referral' }).click();
  await expect(heading).toContainText(`Referral ${rows[13]!.id}`);
  await page.getByRole('link', { name: 'Previous referral' }).click();
  await expect(heading).toContainText(`Referral ${target.id}`);

  await page.getByRole('link', { name: 'Back to referrals' }).click();
  await expect(page).toHaveURL(/[?&]page=3(&|$)/);
  await expect(page).toHaveURL(/[?&]size=25(&|$)/);
  await expect(
    referralsTable(page).getByRole('link', { name: target.id, exact: true }),
  ).toBeVisible();
  await expect
    .poll(() => scroller.evaluate((element) => (element as unknown as Scrollable).scrollTop))
    .toBe(300);
});

test('a row link keeps the list as changed in the app, and steps across page edges', async ({
  page,
}) => {
  const { total, rows } = await sandboxPage({ range: '12m', top: 200, skip: 100 });
  await openDashboard(page);
  // Filter, page size and page changed in the app, not in the address the page was loaded at.
  await page.getByLabel('Date range').selectOption({ label: 'Last 12 months' });
  await expectRange(page, `1–50 of ${count(total)}`);
  await page.getByRole('combobox', { name: 'Rows per page' }).selectOption('100');
  await expectRange(page, `1–100 of ${count(total)}`);
  await page.getByRole('button', { name: 'Next page' }).click();
  await expectRange(page, `101–200 of ${count(total)}`);

  const last = rows[99]!;
  const firstOfNext = rows[100]!;
  await scrollContainer(page).evaluate((element) => {
    const scrollable = element as unknown as Scrollable;
    scrollable.scrollTo({ top: scrollable.scrollHeight });
  });
  await referralsTable(page).getByRole('link', { name: last.id, exact: true }).click();
  const heading = page.getByRole('heading', { name: /^Referral \d+/ });
  await expect(heading).toContainText(`Referral ${last.id}`);
  await expect(page.getByText('100 of 100 on page 2')).toBeVisible();
  await expect(page).toHaveURL(/[?&]range=12m(&|$)/);
  await expect(page).toHaveURL(/[?&]size=100(&|$)/);

  // Next on the page's last row opens the next page's first; Previous comes back.
  await page.getByRole('link', { name: 'Next referral' }).click();
  await expect(heading).toContainText(`Referral ${firstOfNext.id}`);
  await expect(page.getByText('1 of 100 on page 3')).toBeVisible();
  await expect(page).toHaveURL(/[?&]page=3(&|$)/);
  await page.getByRole('link', { name: 'Previous referral' }).click();
  await expect(heading).toContainText(`Referral ${last.id}`);
  await expect(page.getByText('100 of 100 on page 2')).toBeVisible();
  await page.getByRole('link', { name: 'Next referral' }).click();
  await expect(heading).toContainText(`Referral ${firstOfNext.id}`);

  // Back goes to the list the referral is on now, with its row in view.
  await page.getByRole('link', { name: 'Back to referrals' }).click();
  await expectRange(page, `201–300 of ${count(total)}`);
  await expect(page).toHaveURL(/[?&]range=12m(&|$)/);
  await expect(
    referralsTable(page).getByRole('link', { name: firstOfNext.id, exact: true }),
  ).toBeInViewport();
});

test('with 500 rows per page, Back brings the opened row into view', async ({ page }) => {
  const { total, rows } = await sandboxPage({ top: 500 });
  expect(total).toBeGreaterThan(500);
  await openDashboard(page, '?size=500');
  await expectRange(page, `1–500 of ${count(total)}`);
  const target = rows[400]!;
  const scroller = scrollContainer(page);
  await scroller.evaluate((element) =>
    (element as unknown as Scrollable).scrollTo({ top: 14_300 }),
  );
  await referralsTable(page).getByRole('link', { name: target.id, exact: true }).click();
  await expect(page.getByText('401 of 500 on page 1')).toBeVisible();

  await page.getByRole('link', { name: 'Back to referrals' }).click();
  await expectRange(page, `1–500 of ${count(total)}`);
  await expect(
    referralsTable(page).getByRole('link', { name: target.id, exact: true }),
  ).toBeInViewport();
  await expect
    .poll(() => scroller.evaluate((element) => (element as unknown as Scrollable).scrollTop))
    .toBe(14_300);
});

test('a won referral shows its lifecycle in order; an unknown one says not found', async ({
  page,
}) => {
  const { rows } = await sandboxPage({ range: '24m', expr: "status eq 'Won'" });
  const won = rows[0]!;
  await signIn(page);
  await page.goto(`/referrals/${won.id}`);
  await expect(page.getByRole('heading', { name: /^Referral \d+/ })).toContainText(
    won.customerName,
  );
  const steps = page.getByRole('list').filter({ has: page.locator('.timeline__step') });
  const labels = await steps.locator('.timeline__label').allTextContents();
  expect(labels[0]).toBe('Created');
  expect(labels.at(-1)).toBe('Won');
  expect(labels).toContain('Accepted');
  await expect(steps.getByText(/after accepted$/)).toBeVisible();
  await expect(page.getByText(/^Created to won: /)).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/referrals-drill-down-won.png`, fullPage: true });

  await page.goto('/referrals/does-not-exist');
  await expect(page.getByRole('heading', { name: 'Referral not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to referrals' })).toBeVisible();
});

test('a sort says next to its header that it sorts this page, and a new page starts unsorted', async ({
  page,
}) => {
  const { total, rows: expected } = await sandboxPage({ top: 100 });
  await openDashboard(page);
  await expectRange(page, `1–50 of ${count(total)}`);

  await page.getByRole('button', { name: 'Customer', exact: true }).click();
  const sorted = referralsTable(page).locator('thead th[aria-sort]');
  await expect(sorted).toHaveAttribute('aria-sort', 'ascending');
  await expect(sorted).toContainText('Customer');
  await expect(sorted.getByText('this page', { exact: true })).toBeVisible();
  await expect(page).toHaveURL(/[?&]sort=customerName\.asc/);
  const names = await bodyRows(page).locator('td:nth-child(4)').allTextContents();
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  expect(names).toEqual([...names].sort(collator.compare));
  // The same page's rows (those rendered), in another order.
  const pageIds = new Set(expected.slice(0, 50).map((row) => row.id));
  const shown = await renderedIds(page);
  expect(shown.length).toBeGreaterThan(10);
  expect(shown.filter((id) => !pageIds.has(id))).toEqual([]);

  await page.getByRole('button', { name: 'Next page' }).click();
  await expectRange(page, `51–100 of ${count(total)}`);
  await expect(sorted).toHaveCount(0);
  await expect(page.getByText('Sorted within this page')).toBeHidden();
  await expect(page).not.toHaveURL(/[?&]sort=/);
  expect((await renderedIds(page))[0]).toBe(expected[50]?.id);
});

test('exports the visible rows: visible columns in order, the on-screen sort', async ({ page }) => {
  await openDashboard(page);
  await expect(bodyRows(page).first()).toBeVisible();

  const columnsMenu = page.locator('summary', { hasText: 'Columns' });
  await columnsMenu.click();
  await page.getByRole('checkbox', { name: 'Partner market' }).uncheck();
  await page.getByRole('button', { name: 'Move Customer left' }).click();
  await columnsMenu.click();
  // Widths change from the keyboard too.
  const resize = page.getByRole('separator', { name: 'Resize Customer column' });
  const width = Number(await resize.getAttribute('aria-valuenow'));
  await resize.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(resize).toHaveAttribute('aria-valuenow', String(width + 32));
  await page.getByRole('button', { name: 'Customer', exact: true }).click();
  await expect(page.getByText('Sorted within this page: the API cannot sort')).toBeVisible();

  const headers = await referralsTable(page).locator('thead th').allTextContents();
  const shownIds = await renderedIds(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export visible rows' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^referrals_created-.*_page-1\.csv$/);
  const { bom, records } = await csvRecords(download);
  expect(bom).toBe(true);
  const headerText = (header: string) => header.replace(/[▲▼↕]|this page$/g, '').trim();
  // The columns on screen, and beside the sizes (shown as read) the API's codes.
  const shownHeaders = headers.map(headerText);
  const sizeAt = shownHeaders.indexOf('Organisation size');
  expect(records[0]).toEqual([
    ...shownHeaders.slice(0, sizeAt + 1),
    'Organisation size (API code)',
    ...shownHeaders.slice(sizeAt + 1),
  ]);
  const shownSizes = await bodyRows(page)
    .locator('td.referrals-table__cell--customerOrgSize')
    .allTextContents();
  expect(records.slice(1, 1 + shownSizes.length).map((record) => record[sizeAt])).toEqual(
    shownSizes,
  );
  for (const record of records.slice(1)) expect(record[sizeAt + 1]).toMatch(/employees$/);
  expect(records[0]).not.toContain('Partner market');
  expect(records[0]?.indexOf('Customer')).toBe(2);
  expect(records).toHaveLength(51);
  expect(records.slice(1, 1 + shownIds.length).map((record) => record[0])).toEqual(shownIds);
  // Undo only the spreadsheet guard (a `'` before a formula's first character): a name may itself start with `'`.
  const names = records.slice(1).map((record) => record[2]!.replace(/^'(?=[=+\-@\t\r])/, ''));
  expect(names).toEqual(
    [...names].sort(new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }).compare),
  );

  // Column choices are remembered; the sort lives in the URL.
  await page.reload();
  await expect(bodyRows(page).first()).toBeVisible({ timeout: 45_000 });
  const afterReload = await referralsTable(page).locator('thead th').allTextContents();
  expect(afterReload.map(headerText)).toEqual(shownHeaders);
});

test('the Columns menu closes on Esc, giving focus back to its button, and on a click outside', async ({
  page,
}) => {
  await openDashboard(page);
  const button = page.locator('summary', { hasText: 'Columns' });
  const choice = page.getByRole('checkbox', { name: 'Partner market' });
  await button.click();
  await expect(choice).toBeVisible();
  await choice.focus();
  await page.keyboard.press('Escape');
  await expect(choice).toBeHidden();
  await expect(button).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(choice).toBeVisible();
  await page.getByRole('heading', { name: 'Referrals', exact: true }).click();
  await expect(choice).toBeHidden();
});

test('Export visible rows writes JSON when JSON is chosen beside it', async ({ page }) => {
  await openDashboard(page);
  await expect(bodyRows(page).first()).toBeVisible();
  const shownIds = await renderedIds(page);
  await page.getByRole('combobox', { name: 'Export format' }).selectOption('json');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export visible rows' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/_page-1\.json$/);
  const rows = JSON.parse(await readFile(await download.path(), 'utf8')) as Record<
    string,
    unknown
  >[];
  expect(rows).toHaveLength(50);
  expect(rows.slice(0, shownIds.length).map((row) => row.id)).toEqual(shownIds);
  // The visible columns, with the API's values.
  expect(Object.keys(rows[0]!)).toContain('customerOrgSize');
  expect(String(rows[0]!.customerOrgSize)).toMatch(/employees$/);
});

test('an empty table says no referral matches and how to widen, with nothing to export', async ({
  page,
}) => {
  const expr = "customerName eq 'No such customer anywhere'";
  expect((await sandboxPage({ expr })).total).toBe(0);
  await openDashboard(page, `?expr=${encodeURIComponent(expr)}`);
  await expect(
    referralsTable(page).getByText(
      'No referral matches these filters and the filter expression. Widen the date range, remove a filter or change the expression.',
    ),
  ).toBeVisible({ timeout: 45_000 });
  await expect(page.getByRole('button', { name: 'Export all matching rows' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Export visible rows' })).toBeDisabled();
  await section(page).screenshot({ path: `${SCREENS}/referrals-empty.png` });
});

test('exports all matching rows of a filtered set, resuming after a lasting failure', async ({
  page,
}) => {
  const expr = "status ne 'New'";
  const { total } = await sandboxPage({ range: '24m', expr });
  expect(total).toBeGreaterThan(10_000);
  await openDashboard(page, `?range=24m&expr=${encodeURIComponent(expr)}`);
  await expectRange(page, `1–50 of ${count(total)}`);

  // The second page of the export fails on every attempt (first try and the client's retries).
  await sandboxFaults.add({ status: 500, times: 4, match: 'skip=10000' });
  await page.getByRole('button', { name: 'Export all matching rows' }).click();
  const stopped = page.getByRole('alert').filter({ hasText: 'The export stopped' });
  await expect(stopped).toContainText(`after ${count(10_000)} of ${count(total)} rows`, {
    timeout: 30_000,
  });
  await expect(page.getByRole('button', { name: 'Download what was fetched' })).toBeEnabled();
  await section(page).screenshot({ path: `${SCREENS}/referrals-export-failed.png` });

  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: 'Resume export' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^referrals_created-.*_expr-status-ne-New_all\.csv$/,
  );
  const { bom, records } = await csvRecords(download);
  expect(bom).toBe(true);
  expect(records).toHaveLength(total + 1);
  expect(new Set(records.slice(1).map((record) => record[0])).size).toBe(total);
  await expect(page.getByText(`Exported ${count(total)} rows to`)).toBeVisible();
});

test('a token refused during an export stops it without leaving the page, keeping its rows', async ({
  page,
}) => {
  const { total } = await sandboxPage({ range: '24m' });
  expect(total).toBeGreaterThan(10_000);
  await openDashboard(page, '?range=24m');
  await expectRange(page, `1–50 of ${count(total)}`);
  const address = page.url();

  // Partner Center refuses the second page's token, and the fresh one the client fetches after the 401.
  await page.route(
    (url) =>
      url.pathname === '/api/partner/v1/analytics/referrals' &&
      url.searchParams.get('skip') === '10000',
    (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({ code: 401, description: 'The token was refused.' }),
      }),
  );
  await page.getByRole('button', { name: 'Export all matching rows' }).click();
  const stopped = page.getByRole('alert').filter({ hasText: 'The export stopped' });
  await expect(stopped).toContainText(`after ${count(10_000)} of ${count(total)} rows`, {
    timeout: 30_000,
  });
  await expect(stopped).toContainText(
    'Download what was fetched, then sign in again: signing in reloads this page',
  );
  await expect(stopped.getByRole('button', { name: 'Sign in again' })).toBeVisible();
  expect(page.url()).toBe(address);
  await section(page).screenshot({ path: `${SCREENS}/referrals-export-sign-in.png` });

  // Leaving now would lose the rows: the browser asks first, and staying keeps them.
  const asked = new Promise<string>((resolve) => {
    page.once('dialog', (dialog) => {
      resolve(dialog.type());
      void dialog.dismiss();
    });
  });
  // In-page code as text: the e2e files are compiled without the DOM's types.
  await page.evaluate('setTimeout(() => location.reload(), 0)');
  expect(await asked).toBe('beforeunload');
  await expect(stopped).toContainText(`after ${count(10_000)} of ${count(total)} rows`);

  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    stopped.getByRole('button', { name: 'Download what was fetched' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/_partial\.csv$/);
  expect((await csvRecords(download)).records).toHaveLength(10_000 + 1);
});

test('export all shows progress and can be cancelled, then saved as JSON', async ({ page }) => {
  const { total } = await sandboxPage({ range: '24m' });
  await openDashboard(page, '?range=24m');
  await expectRange(page, `1–50 of ${count(total)}`);
  // Slow the second page with throttling answers so the progress can be seen and cancelled.
  await sandboxFaults.add({ status: 429, times: 2, match: 'skip=10000', retryAfter: 5 });

  await page.getByRole('combobox', { name: 'Export format' }).selectOption('json');
  await page.getByRole('button', { name: 'Export all matching rows' }).click();
  const progress = page.getByRole('progressbar', { name: 'Export progress' });
  await expect(progress).toHaveAttribute('aria-valuenow', '10000');
  await expect(progress).toHaveAttribute('aria-valuemax', String(total));
  const retryNote = page.getByText(/Retrying (in \d+ s|now)/);
  await expect(retryNote).toBeVisible();
  // The wait counts down.
  const secondsLeft = async () =>
    Number((await retryNote.textContent())?.match(/Retrying in (\d+) s/)?.[1] ?? 0);
  const first = await secondsLeft();
  await expect.poll(secondsLeft, { timeout: 3_000 }).toBeLessThan(Math.max(first, 1));
  await section(page).screenshot({ path: `${SCREENS}/referrals-export-progress.png` });
  // The page stays usable while the export runs.
  await page.getByRole('button', { name: 'Next page' }).click();
  await expectRange(page, `51–100 of ${count(total)}`);

  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(
    page.getByText(`Export cancelled after ${count(10_000)} of ${count(total)} rows`),
  ).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download what was fetched' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/_all_partial\.json$/);
  const rows = JSON.parse(await readFile(await download.path(), 'utf8')) as unknown[];
  expect(rows).toHaveLength(10_000);
});

test('a 10,000-row page keeps a bounded number of rows in the DOM', async ({ page }) => {
  const { total } = await sandboxPage({ range: '24m' });
  await openDashboard(page, '?range=24m&size=10000');
  await expectRange(page, `1–${count(10_000)} of ${count(total)}`);
  await expect(referralsTable(page)).toHaveAttribute('aria-rowcount', '10001');
  expect(await bodyRows(page).count()).toBeLessThan(200);

  await scrollContainer(page).evaluate((element) => {
    const scrollable = element as unknown as Scrollable;
    scrollable.scrollTo({ top: scrollable.scrollHeight });
  });
  await expect(referralsTable(page).locator('tr[aria-rowindex="10001"]')).toBeVisible();
  expect(await referralsTable(page).locator('tbody tr').count()).toBeLessThan(200);
  await section(page).screenshot({ path: `${SCREENS}/referrals-10000-rows.png` });
});

test('hostile customer names are shown as text and neutralised in the CSV', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  const expr =
    "contains(customerName, 'onerror') or customerName eq '=1+2' or customerName eq '@SUM(A1:A9)'";
  await openDashboard(page, `?range=24m&expr=${encodeURIComponent(expr)}`);
  const table = referralsTable(page);
  await expect(table.getByText('<img src=x onerror=alert(1)>', { exact: true })).toBeVisible();
  await expect(table.getByText('=1+2', { exact: true })).toBeVisible();
  await expect(table.locator('img, script')).toHaveCount(0);
  await section(page).screenshot({ path: `${SCREENS}/referrals-hostile-names.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await section(page).screenshot({ path: `${SCREENS}/referrals-hostile-names-dark.png` });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export visible rows' }).click(),
  ]);
  const { records } = await csvRecords(download);
  const column = records[0]!.indexOf('Customer');
  const names = records.slice(1).map((record) => record[column]);
  expect(names).toContain("'=1+2");
  expect(names).toContain("'@SUM(A1:A9)");
  expect(names).toContain('<img src=x onerror=alert(1)>');
  expect(names.every((name) => !/^[=+\-@\t\r]/.test(name ?? ''))).toBe(true);
  expect(dialogs).toBe(0);
});
