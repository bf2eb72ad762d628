// The comparison period (issue 15 item 6): the KPI tiles and the win rate chart's dashed line compare with the
// previous period, the same period last year, or nothing; the choice is in the address, so it survives a reload and
// travels with Copy link. Ranges are computed from the anchor date by the app's own rules, never read off the data.
import type { Page, Request } from '@playwright/test';
import { compare, ne } from '../src/lib/filter-grammar';
import { apiFilterText } from '../src/features/filters/api-filter';
import { comparisonPeriod } from '../src/lib/dates/comparison';
import { presetRange, type DayRange } from '../src/features/filters/date-range';
import { DEFAULT_FILTERS } from '../src/features/filters/filter-state';
import { comparedWith, countChange } from '../src/features/overview/kpis/kpi-math';
import { apiQuiet } from './support/api-quiet';
import { SANDBOX_ANCHOR_DATE } from './support/environment';
import { anchoredNow, expect, test } from './support/fixtures';
import { sandboxReferrals } from './support/sandbox-api';
import { sandboxFaults } from './support/sandbox-faults';
import { signIn } from './support/sign-in';

const TODAY = SANDBOX_ANCHOR_DATE;
/** The default view's days (the last 3 months) and what each choice compares them with. */
const RANGE = presetRange('3m', anchoredNow(TODAY));
const PREVIOUS = comparisonPeriod('previous', RANGE, TODAY);
const LAST_YEAR = comparisonPeriod('last-year', RANGE, TODAY);

const TILES = ['Total referrals', 'Accepted', 'Won', 'Win rate', 'Median time to win'];
const tile = (page: Page, name: string) => page.getByRole('group', { name });
const compareWith = (page: Page) => page.getByRole('combobox', { name: 'Compare with' });
const winRateChart = (page: Page) =>
  page.getByRole('figure', { name: 'Win rate over time', exact: true });

/** The `filter` of every analytics request the page sends from now on. */
function recordFilters(page: Page): string[] {
  const filters: string[] = [];
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('/analytics/referrals')) {
      filters.push(url.searchParams.get('filter') ?? '');
    }
  });
  return filters;
}

const startsAt = (range: DayRange) => `createdDate ge cast('${range.from}'`;

async function count(filter: string | undefined): Promise<number> {
  const body = (await sandboxReferrals({ filter: filter ?? '', top: '1' })) as {
    TotalCount: number;
  };
  return body.TotalCount;
}

async function tilesSettled(page: Page) {
  for (const name of TILES) {
    await expect(tile(page, name)).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
    await expect(tile(page, name).locator('.kpi-tile__value--loading')).toHaveCount(0, {
      timeout: 30_000,
    });
  }
}

test.beforeEach(async ({ page }) => {
  await sandboxFaults.clear();
  await signIn(page);
  await tilesSettled(page);
  await apiQuiet(page);
});

test('same period last year asks for last year’s days and says so on every tile and the dashed line', async ({
  page,
}) => {
  if (!PREVIOUS || !LAST_YEAR) throw new Error('Both choices compare with a period');
  await expect(compareWith(page)).toHaveValue('previous');
  await expect(tile(page, 'Won')).toContainText('vs the previous period at the same point');

  const filters = recordFilters(page);
  await compareWith(page).selectOption({ label: 'Same period last year' });
  await expect.poll(() => new URL(page.url()).searchParams.get('compare')).toBe('last-year');
  await expect(
    page.getByText(`Compared with ${LAST_YEAR.range.from} to ${LAST_YEAR.range.to}`),
  ).toBeVisible();
  await tilesSettled(page);
  await apiQuiet(page);

  // The requests: last year's days, its outcomes cut at today a year earlier, and nothing of the previous period.
  const lastYear = filters.filter((filter) => filter.startsWith(startsAt(LAST_YEAR.range)));
  expect(lastYear.length).toBeGreaterThanOrEqual(3);
  const cutoffs = lastYear.flatMap((filter) =>
    [...filter.matchAll(/ (acceptedDate|wonDate) lt cast\('([\d-]+)'/g)].map(
      ([, stage, day]) => `${stage} ${day}`,
    ),
  );
  expect(new Set(cutoffs)).toEqual(
    new Set([`acceptedDate ${LAST_YEAR.outcomeCutoff}`, `wonDate ${LAST_YEAR.outcomeCutoff}`]),
  );
  expect(filters.filter((filter) => filter.includes(`cast('${PREVIOUS.range.from}'`))).toEqual([]);

  // The Won tile against the sandbox's own count of last year's wins at the same point.
  const wonBy = (range: DayRange, until?: string) =>
    count(
      apiFilterText(
        DEFAULT_FILTERS,
        range,
        ne('wonDate', null),
        until ? compare('wonDate', 'lt', until) : null,
      ),
    );
  const against = comparedWith('last-year');
  const won = countChange(
    await wonBy(RANGE),
    await wonBy(LAST_YEAR.range, LAST_YEAR.outcomeCutoff),
    against.sameAge,
  );
  await expect(tile(page, 'Won')).toContainText(won?.text ?? 'a change');
  await expect(tile(page, 'Total referrals')).toContainText(against.total);
  for (const name of TILES.slice(1)) {
    await expect(tile(page, name)).toContainText(
      /vs the same period last year at the same point|None in the same period last year/,
    );
  }

  // The dashed line's legend, the chart's caption and its table name the period and its days.
  const chart = winRateChart(page);
  await chart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/comparison-last-year.png', fullPage: true });
  const title = `Same period last year (${LAST_YEAR.range.from} to ${LAST_YEAR.range.to})`;
  await expect(chart.getByRole('button', { name: title })).toBeVisible();
  await expect(chart).toContainText(
    `dashed: the same period last year, ${LAST_YEAR.range.from} to ${LAST_YEAR.range.to}, at the same point`,
  );
  await chart.getByRole('button', { name: 'View as table' }).click();
  await expect(
    chart.getByRole('columnheader', { name: 'Same period last year', exact: true }),
  ).toBeVisible();
  await expect(
    chart.getByRole('columnheader', { name: 'Win rate, same period last year' }),
  ).toBeVisible();
});

test('Off shows no change on any tile and no dashed line, and asks for no other period', async ({
  page,
}) => {
  if (!PREVIOUS) throw new Error('The default compares with the previous period');
  const filters = recordFilters(page);
  await compareWith(page).selectOption({ label: 'Off' });
  await expect.poll(() => new URL(page.url()).searchParams.get('compare')).toBe('off');
  await tilesSettled(page);
  await apiQuiet(page);

  for (const name of TILES) {
    await expect(tile(page, name)).not.toContainText(/vs |compare with|Comparing/);
    await expect(tile(page, name).locator('.kpi-change')).toHaveCount(0);
  }
  const chart = winRateChart(page);
  await expect(chart.getByRole('group', { name: 'Lines shown' }).getByRole('button')).toHaveText([
    'This period',
    'Decided win rate (won ÷ (won + lost))',
  ]);
  await expect(chart.locator('.win-rate-line--previous')).toHaveCount(0);
  // Every request since is for the range itself (or a statistic not tied to a period): none reaches back.
  expect(
    filters.filter(
      (filter) =>
        filter.includes(`cast('${PREVIOUS.range.from}'`) ||
        filter.includes(`lt cast('${PREVIOUS.outcomeCutoff}'`),
    ),
  ).toEqual([]);
});

test('the comparison survives a reload, is in the address Copy link copies, and in a saved view', async ({
  page,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await compareWith(page).selectOption({ label: 'Same period last year' });
  await expect.poll(() => new URL(page.url()).searchParams.get('compare')).toBe('last-year');

  await page.reload();
  await expect(compareWith(page)).toHaveValue('last-year');
  await expect(tile(page, 'Won')).toContainText('vs the same period last year at the same point', {
    timeout: 30_000,
  });

  await page.getByRole('button', { name: 'Copy link' }).click();
  const copied = await page.evaluate<string>('navigator.clipboard.readText()');
  expect(new URL(copied).searchParams.get('compare')).toBe('last-year');

  // A saved view keeps it: saved, changed, reopened.
  await page.getByRole('button', { name: 'Save view' }).click();
  await page.getByRole('textbox', { name: 'View name' }).fill('Year on year');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const status = page.getByRole('group', { name: 'Share this view' }).getByRole('status');
  await expect(status).toContainText('Saved view “Year on year”');

  // Back to the default: the address no longer carries it.
  await compareWith(page).selectOption({ label: 'Previous period' });
  await expect.poll(() => new URL(page.url()).searchParams.has('compare')).toBe(false);

  await page.getByRole('button', { name: /^Views/ }).click();
  await page
    .getByRole('region', { name: 'Saved views' })
    .getByRole('link', { name: 'Year on year' })
    .click();
  await expect(status).toContainText('Opened “Year on year”.');
  await expect(compareWith(page)).toHaveValue('last-year');
  await expect.poll(() => new URL(page.url()).searchParams.get('compare')).toBe('last-year');
});
