// The dashboard's request plan against its budget (issue 12): on the e2e data (25,000 referrals), a first view of
// the default 3-month dashboard (tiles, charts, the awaiting list and the table's first page) asks at most 12 API
// requests (bytes: see BUDGET), a granularity change at most 4, a cross-filter at most 12. Counted at the browser, end to end through real sign-in, the proxy and the sandbox.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { sandboxFaults } from './support/sandbox-faults';
import { signIn } from './support/sign-in';
import { watchApiTraffic, type ApiAnswer } from './support/api-traffic';
import { CHART_TITLES } from './support/dashboard';

const BUDGET = {
  // Issue 12's goal is 400 KB of answers for the whole first view, the awaiting-a-response list included. Measured
  // 405 KB at E2E_ANCHOR_DATE=2026-12-06, 422 KB at 2026-12-09 and 425 KB at 2026-12-08 (545 KB before the table's
  // page 2 went on intent and the awaiting list fetched rows only for the soonest and the recent): the awaiting
  // rows grow with the weekdays in its window, and 235 KB are the joint day buckets behind the exact medians. So
  // this ceiling guards against regressions on any day, not yet the goal; the README's costs carry the figures
  // and issue 12 stays open on them.
  firstView: { requests: 12, bytes: 440_000 },
  granularityChange: { requests: 4 },
  crossFilter: { requests: 12 },
};

const TILES = ['Total referrals', 'Accepted', 'Won', 'Median time to accept', 'Median time to win'];

/** Each answer on a line, for a failing budget's message. */
const listed = (answers: readonly ApiAnswer[]) =>
  answers.map((a) => `${a.bytes} B (${a.wireBytes} B ${a.coding}) ${a.query}`).join('\n');

/** Answers of at least 1 KB that came without br or gzip (the proxy compresses every one of them). */
const uncompressed = (answers: readonly ApiAnswer[]) =>
  answers.filter((a) => a.bytes >= 1024 && !/^(br|gzip)$/.test(a.coding)).map((a) => a.query);

/** Every chart and tile shows its figures, and no API request is still on its way. */
async function settled(page: Page, counted: { inFlight: number }) {
  for (const title of CHART_TITLES) {
    const chart = page.getByRole('figure', { name: title, exact: true });
    await expect(chart).toHaveAttribute('data-state', /^(ready|empty)$/, { timeout: 30_000 });
    await expect(chart).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  }
  for (const name of TILES) {
    const tile = page.getByRole('group', { name });
    await expect(tile).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
    await expect(tile.locator('.kpi-tile__value--loading')).toHaveCount(0);
  }
  await expect(
    page.getByRole('region', { name: 'Awaiting a response', exact: true }),
  ).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  // Nothing in flight, twice in a row: a figure's follow-up request would have started by then.
  await expect
    .poll(async () => {
      const before = counted.inFlight;
      await page.waitForTimeout(300);
      return before + counted.inFlight;
    })
    .toBe(0);
}

test.beforeEach(async () => {
  await sandboxFaults.clear();
});

test('a first view, a granularity change and a cross-filter stay within the request budget', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { counted, take } = watchApiTraffic(page);
  await signIn(page);
  await settled(page, counted);
  test.info().annotations.push({
    type: 'first view',
    description: `${counted.requests} requests, ${counted.bytes} bytes (${counted.wireBytes} on the wire)`,
  });
  expect(counted.requests, listed(counted.answers)).toBeLessThanOrEqual(BUDGET.firstView.requests);
  expect(counted.bytes, listed(counted.answers)).toBeLessThanOrEqual(BUDGET.firstView.bytes);
  // The browser accepts br and gzip: every answer worth it came compressed, and the figures above still showed.
  expect(uncompressed(counted.answers)).toEqual([]);
  expect(counted.wireBytes, listed(counted.answers)).toBeGreaterThan(0);
  expect(counted.wireBytes, listed(counted.answers)).toBeLessThan(counted.bytes / 4);

  take();
  const granularity = page.getByRole('radiogroup', { name: 'Granularity' });
  await expect(granularity.getByRole('radio', { name: 'Week' })).toBeChecked();
  await granularity.getByRole('radio', { name: 'Month' }).check();
  await expect(page).toHaveURL(/[?&]granularity=month/);
  await settled(page, counted);
  test.info().annotations.push({
    type: 'granularity change',
    description: `${counted.requests} requests, ${counted.bytes} bytes (${counted.wireBytes} on the wire)`,
  });
  expect(counted.requests, listed(counted.answers)).toBeLessThanOrEqual(
    BUDGET.granularityChange.requests,
  );

  take();
  const bars = page
    .getByRole('figure', { name: 'Referrals per status', exact: true })
    .locator('.recharts-bar-rectangle path');
  const heights = await bars.evaluateAll((paths) =>
    paths.map((p) => p.getBoundingClientRect().height),
  );
  await bars.nth(heights.indexOf(Math.max(...heights))).click();
  await expect(page.getByRole('button', { name: /^Remove filter: Status / })).toBeVisible();
  await settled(page, counted);
  test.info().annotations.push({
    type: 'cross-filter',
    description: `${counted.requests} requests, ${counted.bytes} bytes (${counted.wireBytes} on the wire)`,
  });
  expect(counted.requests, listed(counted.answers)).toBeLessThanOrEqual(
    BUDGET.crossFilter.requests,
  );
});
