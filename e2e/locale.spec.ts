// Numbers, percentages and chart dates follow the browser's locale (here de-DE), dates still UTC.
import type { Page } from '@playwright/test';
import { apiFilterText } from '../src/features/filters/api-filter';
import { presetRange } from '../src/features/filters/date-range';
import { DEFAULT_FILTERS } from '../src/features/filters/filter-state';
import { expect, test } from './support/fixtures';
import { sandboxReferrals } from './support/sandbox-api';
import { sandboxFaults } from './support/sandbox-faults';
import { signIn } from './support/sign-in';

const SCREENS = 'test-results/screens';
const DAY_MS = 86_400_000;

test.use({ locale: 'de-DE' });

const figure = (page: Page, name: string) => page.getByRole('figure', { name, exact: true });

/** The Monday (ISO week start) of the anchor date's week: the last bucket of a weekly chart. */
function anchorWeekStart(): Date {
  const anchor = new Date(`${process.env.E2E_ANCHOR_DATE}T00:00:00Z`);
  const daysSinceMonday = (anchor.getUTCDay() + 6) % 7;
  return new Date(anchor.getTime() - daysSinceMonday * DAY_MS);
}

test.beforeEach(async ({ page }) => {
  await sandboxFaults.clear();
  await signIn(page);
});

test('numbers, percentages and chart dates are written the German way', async ({ page }) => {
  const range = presetRange('3m', new Date(`${process.env.E2E_ANCHOR_DATE}T12:00:00Z`));
  const { TotalCount: total } = (await sandboxReferrals({
    filter: apiFilterText(DEFAULT_FILTERS, range) ?? '',
    top: '1',
  })) as { TotalCount: number };
  expect(total).toBeGreaterThan(1000);

  const totalTile = page.getByRole('group', { name: 'Total referrals' });
  await expect(totalTile).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  // "4.460": a dot groups thousands.
  await expect(totalTile.locator('.kpi-tile__value')).toHaveText(
    new Intl.NumberFormat('de-DE').format(total),
  );
  expect(new Intl.NumberFormat('de-DE').format(total)).toMatch(/^\d{1,3}(\.\d{3})+$/);
  // "12,2 %": a decimal comma and a space before the sign.
  const rate = page.getByRole('group', { name: 'Acceptance rate' }).locator('.kpi-tile__value');
  await expect(rate).toHaveText(/^\d{1,3}(,\d)?\s%$/);

  const chart = figure(page, 'Referrals per status');
  await expect(chart).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(chart).toContainText('(UTC)');
  await chart.getByRole('button', { name: 'View as table' }).click();
  const weeks = await chart.getByRole('table').locator('tbody tr > :first-child').allTextContents();
  const lastWeek = new Intl.DateTimeFormat('de-DE', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(anchorWeekStart());
  // "Week of 28. Sept. 2026"
  expect(weeks.at(-1)).toBe(`Week of ${lastWeek}`);
  expect(lastWeek).toMatch(/^\d{1,2}\. \S+ \d{4}$/);
});

test('the German dashboard in light and dark, narrow and wide (screenshots)', async ({ page }) => {
  test.setTimeout(180_000);
  for (const width of [420, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const title of ['Referrals per status', 'Win rate over time']) {
        await expect(figure(page, title)).toHaveAttribute('data-state', 'ready', {
          timeout: 30_000,
        });
      }
      await expect(page.getByRole('group', { name: 'Total referrals' })).toContainText('.');
      await page.screenshot({
        path: `${SCREENS}/locale-de-${colorScheme}-${width}.png`,
        fullPage: true,
      });
      // Close-ups, legible at the narrow width: the tiles and two charts.
      if (width === 420) {
        await page.locator('.dashboard__kpis').screenshot({
          path: `${SCREENS}/locale-de-${colorScheme}-${width}-kpis.png`,
        });
        for (const [title, name] of [
          ['Win rate over time', 'win-rate'],
          ['Referrals by organisation size', 'sizes'],
        ] as const) {
          await figure(page, title).screenshot({
            path: `${SCREENS}/locale-de-${colorScheme}-${width}-${name}.png`,
          });
        }
      }
    }
  }
});
