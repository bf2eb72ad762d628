// The dashboard's request plan against its budget (issue 12): on the e2e data (25,000 referrals), a first view of
// the default 3-month dashboard (tiles, charts, the awaiting list and the table's first page) asks at most 12 API
// requests (bytes: see BUDGET), a granularity change at most 4, a cross-filter at most 12. Counted at the browser, end to end through real sign-in, the proxy and the sandbox.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { sandboxFaults } from './support/sandbox-faults';
import { signIn } from './support/sign-in';
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

/**
 * Counts the page's API requests and the bytes of their answers' bodies from now on: decoded (what the app reads)
 * and as transferred (compressed by the proxy), with each answer's content coding.
 */
function countApiRequests(page: Page) {
  const counted = {
    requests: 0,
    bytes: 0,
    wireBytes: 0,
    inFlight: 0,
    urls: [] as string[],
    /** Answers of at least 1 KB that came without br or gzip (the proxy compresses every one of them). */
    uncompressed: [] as string[],
  };
  const isApi = (url: string) => new URL(url).pathname.endsWith('/analytics/referrals');
  page.on('request', (request) => {
    if (!isApi(request.url())) return;
    counted.requests += 1;
    counted.inFlight += 1;
  });
  page.on('requestfinished', async (request) => {
    if (!isApi(request.url())) return;
    const response = await request.response();
    const body = await response?.body().catch(() => null);
    const coding = (await response?.allHeaders().catch(() => null))?.['content-encoding'];
    // responseBodySize: the body as received, before content decoding (Playwright's Request.sizes()).
    const wire = (await request.sizes().catch(() => null))?.responseBodySize ?? 0;
    const query = decodeURIComponent(new URL(request.url()).search);
    counted.bytes += body?.length ?? 0;
    counted.wireBytes += wire;
    counted.urls.push(`${body?.length ?? 0} B (${wire} B ${coding ?? 'identity'}) ${query}`);
    if ((body?.length ?? 0) >= 1024 && !/^(br|gzip)$/.test(coding ?? '')) {
      counted.uncompressed.push(`${coding ?? 'identity'} ${query}`);
    }
    counted.inFlight -= 1;
  });
  page.on('requestfailed', (request) => {
    if (isApi(request.url())) counted.inFlight -= 1;
  });
  return {
    counted,
    reset() {
      counted.requests = 0;
      counted.bytes = 0;
      counted.wireBytes = 0;
      counted.urls = [];
      counted.uncompressed = [];
    },
  };
}

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
  const { counted, reset } = countApiRequests(page);
  await signIn(page);
  await settled(page, counted);
  test.info().annotations.push({
    type: 'first view',
    description: `${counted.requests} requests, ${counted.bytes} bytes (${counted.wireBytes} on the wire)`,
  });
  expect(counted.requests, counted.urls.join('\n')).toBeLessThanOrEqual(BUDGET.firstView.requests);
  expect(counted.bytes, counted.urls.join('\n')).toBeLessThanOrEqual(BUDGET.firstView.bytes);
  // The browser accepts br and gzip: every answer worth it came compressed, and the figures above still showed.
  expect(counted.uncompressed).toEqual([]);
  expect(counted.wireBytes, counted.urls.join('\n')).toBeGreaterThan(0);
  expect(counted.wireBytes, counted.urls.join('\n')).toBeLessThan(counted.bytes / 4);

  reset();
  const granularity = page.getByRole('radiogroup', { name: 'Granularity' });
  await expect(granularity.getByRole('radio', { name: 'Week' })).toBeChecked();
  await granularity.getByRole('radio', { name: 'Month' }).check();
  await expect(page).toHaveURL(/[?&]granularity=month/);
  await settled(page, counted);
  test.info().annotations.push({
    type: 'granularity change',
    description: `${counted.requests} requests, ${counted.bytes} bytes (${counted.wireBytes} on the wire)`,
  });
  expect(counted.requests, counted.urls.join('\n')).toBeLessThanOrEqual(
    BUDGET.granularityChange.requests,
  );

  reset();
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
  expect(counted.requests, counted.urls.join('\n')).toBeLessThanOrEqual(
    BUDGET.crossFilter.requests,
  );
});
