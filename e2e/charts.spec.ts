// The dashboard's filter bar, KPI tiles and charts, end to end: real sign-in, the proxy and the sandbox.
import type { Locator, Page } from '@playwright/test';
import { apiFilterText } from '../src/features/filters/api-filter';
import { presetRange } from '../src/features/filters/date-range';
import { DEFAULT_FILTERS, type DashboardFilters } from '../src/features/filters/filter-state';
import { expect, test } from './support/fixtures';
import { seriousViolations } from './support/accessibility';
import { sandboxReferrals } from './support/sandbox-api';
import { sandboxFaults } from './support/sandbox-faults';
import { signIn } from './support/sign-in';
import { CHART_TITLES } from './support/dashboard';

/** The filter bar, tiles and charts, for axe-core (the table has its own checks). */
const DASHBOARD_PARTS = ['[role="search"]', '.dashboard__kpis', '.dashboard-charts'];

const figure = (page: Page, name: string) => page.getByRole('figure', { name, exact: true });

async function expectChartsReady(
  page: Page,
  titles: readonly string[] = CHART_TITLES,
  state: RegExp = /^ready$/,
) {
  for (const title of titles) {
    // Generous: the dashboard sends some 25 requests at once, and CI machines are busy.
    await expect(figure(page, title)).toHaveAttribute('data-state', state, { timeout: 30_000 });
    await expect(figure(page, title)).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  }
}

/**
 * The bar segments of one status in the status chart: recharts draws one layer per status, in
 * the legend's order.
 */
async function statusBars(page: Page, status: string): Promise<Locator> {
  const chart = figure(page, 'Referrals per status');
  const legend = await chart
    .getByRole('group', { name: 'Statuses shown' })
    .getByRole('button', { pressed: true })
    .allTextContents();
  const index = legend.findIndex((text) => text.startsWith(status));
  expect(index, `${status} in the legend: ${legend.join(', ')}`).toBeGreaterThanOrEqual(0);
  const bars = chart.locator('.recharts-bar').nth(index).locator('.recharts-bar-rectangle path');
  await expect(bars.first()).toBeVisible();
  return bars;
}

/** A number as the app writes it (`12,345`). */
const parseCount = (text: string) => Number(text.replace(/[^\d]/g, ''));

async function totalReferralsTile(page: Page): Promise<number> {
  const tile = page.getByRole('group', { name: 'Total referrals' });
  await expect(tile).toHaveAttribute('aria-busy', 'false');
  const value = await tile.locator('.kpi-tile__value').textContent();
  return parseCount(value ?? '');
}

/** What the sandbox itself says about a filter bar state, asked directly (not through the app). */
async function apiCount(filters: DashboardFilters): Promise<number> {
  const range = presetRange(
    filters.preset === 'custom' ? '3m' : filters.preset,
    new Date(`${process.env.E2E_ANCHOR_DATE}T12:00:00Z`),
  );
  const body = (await sandboxReferrals({
    filter: apiFilterText(filters, range) ?? '',
    top: '1',
  })) as { TotalCount: number };
  return body.TotalCount;
}

/** The cells of one column of a chart's table view. */
async function tableColumn(chart: Locator, header: string): Promise<string[]> {
  const table = chart.getByRole('table');
  const headers = await table.locator('thead th').allTextContents();
  const index = headers.indexOf(header);
  expect(index, `column ${header} in ${headers.join(', ')}`).toBeGreaterThanOrEqual(0);
  return table.locator(`tbody tr > :nth-child(${index + 1})`).allTextContents();
}

test.beforeEach(async ({ page }) => {
  await sandboxFaults.clear();
  await signIn(page);
  await expect(page.getByRole('search', { name: 'Filters' })).toBeVisible();
});

test('charts and tiles show what the API returned', async ({ page }) => {
  await expectChartsReady(page);
  const total = await totalReferralsTile(page);
  expect(total).toBe(await apiCount(DEFAULT_FILTERS));
  expect(total).toBeGreaterThan(0);

  const statusChart = figure(page, 'Referrals per status');
  await statusChart.getByRole('button', { name: 'View as table' }).click();
  const bucketTotals = (await tableColumn(statusChart, 'Total')).map(parseCount);
  expect(bucketTotals.reduce((a, b) => a + b, 0)).toBe(total);

  const funnel = figure(page, 'Referral funnel');
  await funnel.getByRole('button', { name: 'View as table' }).click();
  expect((await tableColumn(funnel, 'Referrals')).map(parseCount)[0]).toBe(total);

  const markets = figure(page, 'Referrals by customer market');
  await markets.getByRole('button', { name: 'View as table' }).click();
  const marketTotals = (await tableColumn(markets, 'Referrals')).map(parseCount);
  expect(marketTotals.reduce((a, b) => a + b, 0)).toBe(total);
  await expect(markets.getByRole('table').locator('tbody tr')).toHaveCount(11);
});

test("a year's funnel counts every stage and way out as the API does (three grouped queries, not a count each)", async ({
  page,
}) => {
  await page.goto('/?range=12m');
  await expectChartsReady(page, ['Referral funnel']);
  const year = { ...DEFAULT_FILTERS, preset: '12m' as const };
  const reached = (field: string) => apiCount({ ...year, expression: `${field} ne null` });

  const funnel = figure(page, 'Referral funnel');
  await funnel.getByRole('button', { name: 'View as table' }).click();
  const stages = await tableColumn(funnel, 'Stage');
  const counts = (await tableColumn(funnel, 'Referrals')).map(parseCount);
  const expected: Record<string, number> = { Created: await apiCount(year) };
  for (const [label, field] of [
    ['Acknowledged', 'acknowledgedDate'],
    ['Accepted', 'acceptedDate'],
    ['Won', 'wonDate'],
    ['Declined', 'declinedDate'],
    ['Expired', 'expiredDate'],
    ['Missed', 'missedDate'],
    ['Skipped', 'skippedDate'],
    ['Lost', 'lostDate'],
    ['Archived', 'archivedDate'],
  ] as const) {
    expected[label] = await reached(field);
  }
  expect(Object.fromEntries(stages.map((stage, i) => [stage, counts[i]]))).toEqual(expected);
  // The ways out say the same under the chart.
  const lost = (expected.Lost ?? 0).toLocaleString('en-US');
  await expect(
    funnel.getByRole('button', { name: new RegExp(`^Filter by Lost: ${lost} referrals,`) }),
  ).toBeVisible();
});

test('changing granularity redraws from the day buckets already held', async ({ page }) => {
  await expectChartsReady(page);
  const granularity = page.getByRole('radiogroup', { name: 'Granularity' });
  await expect(granularity.getByRole('radio', { name: 'Week' })).toBeChecked();

  const sent: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/analytics/referrals')) sent.push(request.url());
  });
  await granularity.getByRole('radio', { name: 'Month' }).check();
  await expect(page).toHaveURL(/[?&]granularity=month/);
  await expectChartsReady(page);

  const statusChart = figure(page, 'Referrals per status');
  await statusChart.getByRole('button', { name: 'View as table' }).click();
  const buckets = await tableColumn(statusChart, 'Created');
  expect(buckets.length).toBeGreaterThanOrEqual(3);
  expect(buckets.length).toBeLessThanOrEqual(4);
  for (const bucket of buckets) expect(bucket).toMatch(/^[A-Z][a-z]{2} \d{4}$/);
  expect(sent).toEqual([]);
});

test('clicking a bar cross-filters every chart and tile', async ({ page }) => {
  // Two cross-filters and a step back, each refetching every chart and tile.
  test.setTimeout(120_000);
  await expectChartsReady(page);
  const before = await totalReferralsTile(page);
  // By rule, not by this week's shape: Won, whose referrals were all accepted, so the win rate
  // chart has something to draw whatever day the data ends; its tallest segment is the target.
  const status = 'Won';
  const bars = await statusBars(page, status);
  const heights = await bars.evaluateAll((paths) =>
    paths.map((p) => p.getBoundingClientRect().height),
  );
  await bars.nth(heights.indexOf(Math.max(...heights))).click();

  const chip = page.getByRole('button', { name: `Remove filter: Status ${status}` });
  await expect(chip).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`[?&]status=${encodeURIComponent(status)}`));
  // The tallest segment depends on the day the data ends: for New, Declined and the like nothing was accepted,
  // and the win rate chart rightly says it is empty.
  await expectChartsReady(page, CHART_TITLES, /^(ready|empty)$/);
  await expectChartsReady(page, ['Referrals per status', 'Referral funnel']);
  const after = await totalReferralsTile(page);
  expect(after).toBe(await apiCount({ ...DEFAULT_FILTERS, status: [status] }));
  expect(after).toBeLessThan(before);

  // Keyboard users cross-filter from a chart's table.
  const markets = figure(page, 'Referrals by customer market');
  await markets.getByRole('button', { name: 'View as table' }).click();
  const filterButton = markets.getByRole('button', { name: /^Filter by / }).first();
  const market = ((await filterButton.textContent()) ?? '').replace('Filter by ', '');
  await filterButton.focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('button', { name: `Remove filter: Customer market ${market}` }),
  ).toBeVisible();
  await expectChartsReady(page, CHART_TITLES, /^(ready|empty)$/);
  expect(await totalReferralsTile(page)).toBe(
    await apiCount({ ...DEFAULT_FILTERS, status: [status], customerMarket: [market] }),
  );

  // Back undoes the last filter.
  await page.goBack();
  await expect(page.getByRole('button', { name: /^Remove filter: Customer market/ })).toHaveCount(
    0,
  );
  await expect(chip).toBeVisible();
});

test("hovering a bar gives the week's count and share per status, as in the table", async ({
  page,
}) => {
  await expectChartsReady(page, ['Referrals per status']);
  const chart = figure(page, 'Referrals per status');
  const bars = chart.locator('.recharts-bar-rectangle path');
  await expect(bars.first()).toBeVisible();
  const heights = await bars.evaluateAll((paths) =>
    paths.map((p) => p.getBoundingClientRect().height),
  );
  await bars.nth(heights.indexOf(Math.max(...heights))).hover();

  const tooltip = chart.locator('.chart-tooltip');
  await expect(tooltip).toBeVisible();
  const week = (await tooltip.locator('.chart-tooltip__title').textContent()) ?? '';
  expect(week).toMatch(/^Week of /);
  const rows = await tooltip
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? '')));
  const totalRow = rows.at(-1) ?? [];
  expect(totalRow[0]).toBe('Total');
  const total = parseCount(totalRow[1] ?? '');
  const statuses = rows.slice(0, -1);
  expect(statuses.length).toBeGreaterThan(3);
  expect(statuses.reduce((sum, [, count]) => sum + parseCount(count ?? ''), 0)).toBe(total);
  for (const [, count, share] of statuses) {
    const expected = (100 * parseCount(count ?? '')) / total;
    expect(Math.abs(Number.parseFloat(share ?? '') - expected)).toBeLessThanOrEqual(0.5);
  }

  // The same week in the chart's table has the same total.
  await chart.getByRole('button', { name: 'View as table' }).click();
  const weeks = await tableColumn(chart, 'Created');
  const totals = await tableColumn(chart, 'Total');
  expect(parseCount(totals[weeks.indexOf(week)] ?? '')).toBe(total);
});

test("the win rate legend hides and shows the previous period's line", async ({ page }) => {
  await expectChartsReady(page, ['Win rate over time']);
  const chart = figure(page, 'Win rate over time');
  const lines = chart.locator('.recharts-line-curve');
  const dashed = chart.locator('.recharts-line-curve[stroke-dasharray]');
  // This period is drawn in two parts, settled and still maturing.
  const current = chart.locator('.win-rate-line--current .recharts-line-curve');
  await expect(dashed).toHaveCount(1);
  await expect(current).not.toHaveCount(0);
  const shown = await lines.count();

  const legend = chart.getByRole('group', { name: 'Lines shown' });
  const previous = legend.getByRole('button', { name: 'Previous period' });
  await expect(previous).toHaveAttribute('aria-pressed', 'true');
  await previous.click();
  await expect(previous).toHaveAttribute('aria-pressed', 'false');
  await expect(dashed).toHaveCount(0);
  await expect(lines).toHaveCount(shown - 1);

  // Keyboard too: the line comes back.
  await previous.press('Enter');
  await expect(dashed).toHaveCount(1);
  await legend.getByRole('button', { name: 'This period' }).click();
  await expect(current).toHaveCount(0);
  await expect(dashed).toHaveCount(1);
});

test('a reload keeps the view', async ({ page }) => {
  // Four filter changes, each refetching every chart and tile.
  test.setTimeout(120_000);
  await expectChartsReady(page);
  await page.getByLabel('Date range').selectOption({ label: 'Last 12 months' });
  const filterBar = page.getByRole('search', { name: 'Filters' });
  await filterBar.getByRole('button', { name: 'Organisation size', exact: true }).click();
  const sizes = filterBar.getByRole('group', { name: 'Organisation size' });
  await sizes.getByRole('checkbox').first().check();
  await page.keyboard.press('Escape');
  await filterBar.getByRole('radio', { name: 'Week' }).check();
  await filterBar.getByRole('searchbox', { name: 'Customer name contains' }).fill("o'");
  await expect(page).toHaveURL(/customer=o%27/);
  // A narrow view may hold no referrals: an empty chart is a settled one too.
  await expectChartsReady(page, CHART_TITLES, /^(ready|empty)$/);
  const url = page.url();
  const total = await totalReferralsTile(page);
  const chips = await page.getByRole('button', { name: /^Remove filter: / }).allTextContents();
  expect(chips).toHaveLength(3);

  await page.reload();
  await expectChartsReady(page, CHART_TITLES, /^(ready|empty)$/);
  expect(page.url()).toBe(url);
  await expect(page.getByLabel('Date range')).toHaveValue('12m');
  await expect(page.getByRole('radio', { name: 'Week' })).toBeChecked();
  await expect(page.getByRole('searchbox', { name: 'Customer name contains' })).toHaveValue("o'");
  expect(await page.getByRole('button', { name: /^Remove filter: / }).allTextContents()).toEqual(
    chips,
  );
  expect(await totalReferralsTile(page)).toBe(total);
});

test('older organisation sizes are their own group in the chart, the filter, the table and the drill-down', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Two years hold referrals from before the size bands changed.
  await page.goto('/?range=24m');
  await expectChartsReady(page);
  const sizes = figure(page, 'Referrals by organisation size');
  await expect(sizes).toContainText('then the older bands');
  await sizes.getByRole('button', { name: 'View as table' }).click();
  const labels = await tableColumn(sizes, 'Organisation size');
  const group = labels.indexOf('Older size bands');
  expect(group, labels.join(', ')).toBeGreaterThan(0);
  // Current bands first, smallest first; then the older ones under their heading.
  expect(labels.slice(0, group).every((label) => !label.includes('older'))).toBe(true);
  expect(labels.slice(0, 2)).toEqual(['1–9', '10–50']);
  expect(labels.slice(group + 1, group + 4)).toEqual([
    '1–50 (older)',
    '51–500 (older)',
    '500+ (older)',
  ]);

  const filterBar = page.getByRole('search', { name: 'Filters' });
  await filterBar.getByRole('button', { name: 'Organisation size', exact: true }).click();
  const older = filterBar.getByRole('list', { name: 'Older size bands' });
  await expect(older.getByRole('checkbox')).toHaveCount(3);
  await older.getByRole('checkbox', { name: '1–50 (older)' }).check();
  await page.keyboard.press('Escape');
  await expect(
    page.getByRole('button', { name: 'Remove filter: Organisation size 1–50 (older)' }),
  ).toBeVisible();
  await expectChartsReady(page);
  expect(await totalReferralsTile(page)).toBe(
    await apiCount({ ...DEFAULT_FILTERS, preset: '24m', customerOrgSize: ['1to50employees'] }),
  );

  const table = page.getByRole('table', { name: 'Referrals' });
  const sizeCells = table.locator(
    'tbody tr[aria-rowindex] td.referrals-table__cell--customerOrgSize',
  );
  await expect(sizeCells.first()).toHaveText('1–50 (older)');
  expect(new Set(await sizeCells.allTextContents())).toEqual(new Set(['1–50 (older)']));
  await table.locator('tbody tr[aria-rowindex] td:first-child a').first().click();
  const details = page.locator('.referral-details__item', { hasText: 'Organisation size' });
  await expect(details.locator('dd')).toHaveText('1–50 (older)');
});

test("the win rate chart's date labels stay inside it, the last one too", async ({ page }) => {
  for (const width of [1440, 420]) {
    await page.setViewportSize({ width, height: 900 });
    await expectChartsReady(page, ['Win rate over time']);
    const chart = figure(page, 'Win rate over time');
    const surface = await chart.locator('svg.recharts-surface').first().boundingBox();
    // Recharts draws tick labels in a layer of their own: the date ones are those without a '%'.
    const ticks = chart.locator('.recharts-cartesian-axis-tick-value').filter({ hasNotText: '%' });
    await expect(ticks.first()).toBeVisible();
    const boxes = await ticks.evaluateAll((texts) =>
      texts.map((text) => {
        const box = text.getBoundingClientRect();
        return { left: box.left, right: box.right, text: text.textContent };
      }),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    for (const box of boxes) {
      expect(box.left, `${box.text} at ${width}px`).toBeGreaterThanOrEqual(surface!.x - 0.5);
      expect(box.right, `${box.text} at ${width}px`).toBeLessThanOrEqual(
        surface!.x + surface!.width + 0.5,
      );
    }
  }
});

test('market search finds a market by its country as well as by its code', async ({ page }) => {
  const filterBar = page.getByRole('search', { name: 'Filters' });
  await filterBar.getByRole('button', { name: 'Customer market', exact: true }).click();
  const markets = filterBar.getByRole('group', { name: 'Customer market' });
  await expect(markets.getByRole('checkbox', { name: /^DE/ })).toBeVisible();
  const search = markets.getByRole('searchbox', { name: 'Search Customer market' });
  await search.fill('Germany');
  await expect(markets.getByRole('checkbox')).toHaveCount(1);
  await expect(markets.getByRole('checkbox', { name: 'DE Germany' })).toBeVisible();
  await search.fill('de');
  await expect(markets.getByRole('checkbox', { name: 'DE Germany' })).toBeVisible();
  await markets.getByRole('checkbox', { name: 'DE Germany' }).check();
  await expect(
    page.getByRole('button', { name: 'Remove filter: Customer market DE' }),
  ).toBeVisible();
  await expect(page).toHaveURL(/[?&]market=DE(&|$)/);
});

test('a failing chart shows its error while the others keep working', async ({ page }) => {
  // More failures than the client's retries, on the organisation-size chart's queries only.
  await sandboxFaults.add({ status: 500, times: 100, match: 'groupby=customerOrgSize' });
  await page.reload();
  const sizes = figure(page, 'Referrals by organisation size');
  const alert = sizes.getByRole('alert');
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText('Request ID:');
  await expectChartsReady(
    page,
    CHART_TITLES.filter((t) => t !== 'Referrals by organisation size'),
  );
  await expect(sizes).toHaveAttribute('data-state', 'error');
  // The panel shows while React Query still retries on its own: clearing the faults before it has given up would
  // let a retry succeed and take the panel (and its button) away.
  await expect(alert).toContainText('try again in a moment', { timeout: 30_000 });

  await sandboxFaults.clear();
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expectChartsReady(page);
});

test('no serious accessibility problems, and screenshots in light and dark', async ({ page }) => {
  test.setTimeout(180_000);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectChartsReady(page);
    await page.screenshot({
      path: `test-results/screens/charts-${colorScheme}.png`,
      fullPage: true,
    });
    expect(await seriousViolations(page, ...DASHBOARD_PARTS)).toEqual([]);
  }
  await figure(page, 'Referral funnel').getByRole('button', { name: 'View as table' }).click();
  await page
    .getByRole('search', { name: 'Filters' })
    .getByRole('button', { name: 'Status', exact: true })
    .click();
  await expect(page.getByRole('checkbox', { name: 'Won' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/charts-dark-open.png', fullPage: true });
  expect(await seriousViolations(page, ...DASHBOARD_PARTS)).toEqual([]);
});
