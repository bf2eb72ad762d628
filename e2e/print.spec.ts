// The printed report (Print, and the browser's Save as PDF): the view's title, range, filters, KPIs, every chart,
// the awaiting list and the data's age, on white paper, without the controls.
import { writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { CHART_TITLES } from './support/dashboard';
import { expect, test } from './support/fixtures';
import { sandboxFaults } from './support/sandbox-faults';
import { signIn } from './support/sign-in';

const SCREENS = 'test-results/screens';
const VIEW = '/?range=6m&status=Won&status=Lost';
/** A4's width at CSS's 96 px per inch: the width Chromium lays a printed page out at, margins aside. */
const A4 = { width: 794, height: 1123 };
/** The status chart's grid line colour in the light theme (GRID_STROKE.light). */
const LIGHT_GRID = '#d9dde5';

function figure(page: Page, title: string) {
  return page.getByRole('figure', { name: title, exact: true });
}

async function openDashboard(page: Page) {
  await signIn(page);
  await page.goto(VIEW);
  for (const title of CHART_TITLES) {
    await expect(figure(page, title)).toHaveAttribute('data-state', 'ready', { timeout: 45_000 });
    await expect(figure(page, title)).toHaveAttribute('aria-busy', 'false', { timeout: 45_000 });
  }
  await expect(page.getByRole('heading', { name: 'Awaiting a response' })).toBeVisible();
  await expect(page.getByText(/^Data as of /).filter({ visible: true })).toBeVisible();
}

/** Every visible element that is a control, described, except the legend entries that print as the charts' keys. */
async function visibleControls(page: Page): Promise<string[]> {
  const controls = page.locator('button:visible, input:visible, select:visible, textarea:visible');
  const described = await controls.evaluateAll((elements) =>
    elements
      .filter((element) => !element.closest('.chart-legend, .funnel-dropouts'))
      .map((element) => `${element.tagName.toLowerCase()} “${element.textContent?.trim() ?? ''}”`),
  );
  return described;
}

test('Print opens the browser’s print dialog', async ({ page }) => {
  await page.addInitScript(
    'window.__printCalls = 0; window.print = () => { window.__printCalls += 1; };',
  );
  await openDashboard(page);
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  expect(await page.evaluate('window.__printCalls')).toBe(1);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the print layout shows the report and no controls, in light colours (${colorScheme} screen)`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await openDashboard(page);
    await page.setViewportSize(A4);
    await page.emulateMedia({ media: 'print', colorScheme });

    const report = page.getByTestId('print-report');
    await expect(report).toBeVisible();
    await expect(report).toContainText('Referral Lens report');
    await expect(report).toContainText(
      /Created \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} \(UTC\), per (day|week|month)/,
    );
    await expect(report).toContainText('Status Won · Status Lost');
    await expect(report).toContainText(/Data as of\s*\S.*\d{4}.*\d{2}:\d{2}/);
    await expect(page.getByRole('heading', { name: 'Referrals overview' })).toBeVisible();

    const tiles = page.getByRole('region', { name: 'Key figures' }).getByRole('group');
    expect(await tiles.count()).toBeGreaterThan(0);
    for (const tile of await tiles.all()) await expect(tile).toBeVisible();

    for (const title of CHART_TITLES) {
      const chart = figure(page, title);
      await expect(chart).toBeVisible();
      // Drawn, and within the paper's width: scaled to fit, never cut.
      const surface = chart.locator('svg.recharts-surface').first();
      await expect(surface).toBeVisible();
      const box = await surface.boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      expect(box!.x + box!.width).toBeLessThanOrEqual(A4.width);
      // A page break never cuts it.
      await expect(chart).toHaveCSS('break-inside', 'avoid');
    }
    // The legends print as keys.
    await expect(
      figure(page, 'Referrals per status').getByRole('button', { name: /^Won/ }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Awaiting a response' })).toBeVisible();

    expect(await visibleControls(page)).toEqual([]);
    await expect(page.getByRole('search')).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Pages' })).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Referrals', exact: true })).toBeHidden();

    // Paper is white: the page and the charts' SVG colours are the light theme's, whatever the screen's.
    expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).toBe(
      'rgb(255, 255, 255)',
    );
    await expect(
      figure(page, 'Referrals per status').locator('.recharts-cartesian-grid line').first(),
    ).toHaveAttribute('stroke', LIGHT_GRID);

    await page.screenshot({ path: `${SCREENS}/print-${colorScheme}.png`, fullPage: true });
  });
}

test('Save as PDF makes a multi-page PDF of the report', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openDashboard(page);
  const pdf = await page.pdf({ format: 'A4' });
  await writeFile(`${SCREENS}/print.pdf`, pdf);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
  expect(pages.length).toBeGreaterThan(1);
});

test('the response-times page prints as a report too', async ({ page }) => {
  await signIn(page);
  await page.goto('/response-times?range=6m');
  const figures = page.getByRole('figure');
  await expect(figures.first()).toHaveAttribute('data-state', 'ready', { timeout: 45_000 });
  await page.setViewportSize(A4);
  await page.emulateMedia({ media: 'print' });

  await expect(page.getByTestId('print-report')).toContainText('Referral Lens report');
  await expect(page.getByRole('heading', { name: 'Response times', level: 1 })).toBeVisible();
  expect(await figures.count()).toBeGreaterThan(2);
  for (const shown of await figures.all()) await expect(shown).toBeVisible();
  expect(await visibleControls(page)).toEqual([]);
  await page.screenshot({ path: `${SCREENS}/print-response-times.png`, fullPage: true });
});

test('a referral opened directly prints its lifecycle and details without the controls', async ({
  page,
}) => {
  await signIn(page);
  // Any referral of the default view: the first row of the table's first page.
  await page.goto('/');
  const firstLink = page.getByRole('table', { name: 'Referrals' }).getByRole('link').first();
  await expect(firstLink).toBeVisible({ timeout: 45_000 });
  const id = (await firstLink.textContent())?.trim() ?? '';
  expect(id).toMatch(/^\d+$/);
  // Opened as a new page load, so nothing of the dashboard (its code or its styles) is in the page.
  await page.goto(`/referrals/${id}`);
  await expect(page.getByRole('heading', { name: new RegExp(`^Referral ${id}`) })).toBeVisible();
  await page.setViewportSize(A4);
  await page.emulateMedia({ media: 'print' });

  await expect(page.getByRole('heading', { name: new RegExp(`^Referral ${id}`) })).toBeVisible();
  await expect(page.getByText('Created', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to referrals' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Pages' })).toBeHidden();
  expect(await visibleControls(page)).toEqual([]);
  await page.screenshot({ path: `${SCREENS}/print-referral.png`, fullPage: true });
});

test('a figure that failed prints what went wrong in its place, so the report never hides a missing figure', async ({
  page,
}) => {
  // More failures than the client's retries, on the organisation-size chart's queries only.
  await sandboxFaults.add({ status: 500, times: 100, match: 'groupby=customerOrgSize' });
  try {
    await signIn(page);
    await page.goto(VIEW);
    const sizes = figure(page, 'Referrals by organisation size');
    // Given up retrying: the panel's final message.
    await expect(sizes.getByRole('alert')).toContainText('try again in a moment', {
      timeout: 60_000,
    });
    await page.setViewportSize(A4);
    await page.emulateMedia({ media: 'print' });

    await expect(page.getByTestId('print-report')).toBeVisible();
    await expect(sizes).toBeVisible();
    await expect(sizes.getByRole('alert')).toBeVisible();
    await expect(sizes.getByRole('alert')).toContainText('Partner Center had a problem');
    await expect(sizes.getByRole('alert')).toContainText('Request ID:');
    await expect(figure(page, 'Referrals per status')).toHaveAttribute('data-state', 'ready');
    expect(await visibleControls(page)).toEqual([]);
    await sizes.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENS}/print-failed-figure.png`, fullPage: true });
  } finally {
    await sandboxFaults.clear();
  }
});
