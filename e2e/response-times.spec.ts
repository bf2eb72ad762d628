// The response-times page, end to end: real sign-in, the proxy and the sandbox. Its figures come from grouped
// queries; the test works them out again from the sandbox's rows.
import type { Locator, Page } from '@playwright/test';
import { presetRange } from '../src/features/filters/date-range';
import {
  cumulativeIncidence,
  percentileOfReached,
  shareWithin,
} from '../src/lib/analytics/cohort-curves';
import { expect, test } from './support/fixtures';
import { seriousViolations } from './support/accessibility';
import { sandboxReferrals } from './support/sandbox-api';
import { sandboxFaults } from './support/sandbox-faults';
import { signIn } from './support/sign-in';

const DAY = 86_400_000;
const SCREENS = 'test-results/screens';
const STAGES = [
  ['Time to acknowledge', 'acknowledgedDate'],
  ['Time to accept', 'acceptedDate'],
  ['Time to win', 'wonDate'],
] as const;

const figure = (page: Page, name: string) => page.getByRole('figure', { name, exact: true });

async function expectReady(page: Page, name: string) {
  await expect(figure(page, name)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(figure(page, name)).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
}

async function tableColumn(chart: Locator, header: string): Promise<string[]> {
  const table = chart.getByRole('table');
  const headers = await table.locator('thead th').allTextContents();
  const index = headers.indexOf(header);
  expect(index, `column ${header} in ${headers.join(', ')}`).toBeGreaterThanOrEqual(0);
  return table.locator(`tbody tr > :nth-child(${index + 1})`).allTextContents();
}

type Row = Record<string, string | null>;
const dayOf = (value: string | null | undefined) =>
  value ? Math.floor(Date.parse(`${value}Z`) / DAY) : null;

/** The default view's referrals (last 3 months by created date), as rows. */
async function defaultViewRows(): Promise<Row[]> {
  const range = presetRange('3m', new Date(`${process.env.E2E_ANCHOR_DATE}T12:00:00Z`));
  const end = new Date(Date.parse(`${range.to}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
  const body = (await sandboxReferrals({
    filter: `createdDate ge '${range.from}' and createdDate lt '${end}'`,
    top: '10000',
  })) as { Value: Row[]; TotalCount: number };
  expect(body.Value.length).toBe(body.TotalCount);
  return body.Value;
}

const percent = (share: number) =>
  new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(share);

const durationText = (units: number | null) =>
  units === null ? '—' : `${units} day${units === 1 ? '' : 's'}`;

test.beforeEach(async ({ page }) => {
  await sandboxFaults.clear();
  await signIn(page);
});

test('the response-times page shows curves and percentiles that agree with the sandbox rows', async ({
  page,
}) => {
  await page
    .getByRole('navigation', { name: 'Pages' })
    .getByRole('link', { name: 'Response times' })
    .click();
  await expect(page).toHaveURL(/\/response-times/);
  await expect(page.getByRole('heading', { level: 1, name: 'Response times' })).toBeVisible();
  await expect(page.getByRole('search', { name: 'Filters' })).toBeVisible();

  const rows = await defaultViewRows();
  let asOf = 0;
  for (const row of rows)
    for (const field of ['createdDate', ...STAGES.map(([, f]) => f)])
      asOf = Math.max(asOf, dayOf(row[field]) ?? 0);

  const percentiles = figure(page, 'Time to each stage');
  await expectReady(page, 'Time to each stage');
  await percentiles.getByRole('button', { name: 'View as table' }).click();
  const totals = await tableColumn(percentiles, 'Referrals');
  const reached = await tableColumn(percentiles, 'Reached so far');
  const p50 = await tableColumn(percentiles, 'p50 (days)');
  const p90 = await tableColumn(percentiles, 'p90 (days)');

  for (const [index, [title, field]] of STAGES.entries()) {
    // Worked out from rows: durations in calendar days, open referrals censored at their age.
    const observations = rows.map((row) => {
      const created = dayOf(row.createdDate) ?? 0;
      const at = dayOf(row[field]);
      return { duration: at === null ? null : at - created, age: asOf - created, count: 1 };
    });
    const curve = cumulativeIncidence(observations);
    expect(totals[index], title).toBe(rows.length.toLocaleString('en-US'));
    expect(reached[index], title).toBe(
      rows.filter((row) => row[field] !== null).length.toLocaleString('en-US'),
    );
    expect(p50[index], title).toBe(durationText(percentileOfReached(curve, 0.5)));
    expect(p90[index], title).toBe(durationText(percentileOfReached(curve, 0.9)));

    // One line per weekly cohort and one for all of them, and the table has the same curve.
    const chart = figure(page, title);
    await expectReady(page, title);
    const weeks = new Set(
      rows.map((row) => {
        const day = dayOf(row.createdDate) ?? 0;
        return day - ((((day - 4) % 7) + 7) % 7);
      }),
    );
    await expect(chart.locator('.recharts-line')).toHaveCount(weeks.size + 1);
    await chart.getByRole('button', { name: 'View as table' }).click();
    const all = await tableColumn(chart, 'All cohorts');
    expect(all.length).toBe(curve.length);
    expect(all).toEqual(curve.map((point) => percent(point.share)));
  }

  // Service levels over every market, from the same rows: referrals not yet acknowledged are waiting, not failures.
  const levels = figure(page, 'Service levels by customer market');
  await expectReady(page, 'Service levels by customer market');
  await levels.getByRole('button', { name: 'View as table' }).click();
  const acknowledged = cumulativeIncidence(
    rows.map((row) => {
      const created = dayOf(row.createdDate) ?? 0;
      const at = dayOf(row.acknowledgedDate);
      return { duration: at === null ? null : at - created, age: asOf - created, count: 1 };
    }),
  );
  for (const [header, days] of [
    ['Acknowledged within 24 h', 1],
    ['Acknowledged within 72 h', 3],
    ['Acknowledged before expiry (14 days)', 14],
  ] as const) {
    const [allMarkets] = await tableColumn(levels, header);
    expect(allMarkets, header).toBe(percent(shareWithin(acknowledged, days) ?? NaN));
  }
  await expect(page.getByTestId('response-times-as-of')).toContainText('Data as of');
});

test('the response-times page has no serious accessibility problems; screenshots light and dark, narrow and wide', async ({
  page,
}) => {
  await page.goto('/response-times');
  for (const [width, name] of [
    [1280, 'wide'],
    [420, 'narrow'],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expectReady(page, 'Time to win');
      await page.screenshot({
        path: `${SCREENS}/h8-response-times-${colorScheme}-${name}.png`,
        fullPage: true,
      });
      expect(await seriousViolations(page, '.response-times')).toEqual([]);
    }
  }
});
