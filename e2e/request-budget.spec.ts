// The dashboard's request plan against its budget (issue 12): on the e2e data (25,000 referrals), a first view of
// the default 3-month dashboard asks at most 12 API requests (bytes: see BUDGET), a granularity change at most 4,
// a cross-filter at most 12. Counted at the browser, end to end through real sign-in, the proxy and the sandbox.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { sandboxFaults } from './support/sandbox-faults';
import { signIn } from './support/sign-in';
import { CHART_TITLES } from './support/dashboard';

const BUDGET = {
  // Bytes are a ceiling that guards against regressions, not yet the goal. Issue 12's goal is 400 KB for the whole
  // first view; measured 423 KB for the tiles, charts and table (the win rate chart's maturity and lost counts
  // grew it past h6's 379 KB) plus 130 KB for the awaiting-a-response list, which needs its rows (exact created
  // times for "expires within 24 h"). The README's costs and the session note carry the figures; issue 12 stays
  // open on them.
  firstView: { requests: 12, bytes: 440_000 },
  awaitingList: { requests: 1, bytes: 140_000 },
  granularityChange: { requests: 4 },
  crossFilter: { requests: 12 },
};

const TILES = ['Total referrals', 'Accepted', 'Won', 'Median time to accept', 'Median time to win'];

/** Counts the page's API requests and the bytes of their answers' bodies from now on. */
function countApiRequests(page: Page) {
  const counted = {
    requests: 0,
    bytes: 0,
    inFlight: 0,
    urls: [] as string[],
    awaiting: [] as number[],
  };
  const isApi = (url: string) => new URL(url).pathname.endsWith('/analytics/referrals');
  // The awaiting list's one query: open referrals (New or Acknowledged), rows not buckets.
  const isAwaiting = (url: string) => {
    const params = new URL(url).searchParams;
    return !params.has('groupby') && /status eq 'New'/.test(params.get('filter') ?? '');
  };
  page.on('request', (request) => {
    if (!isApi(request.url())) return;
    counted.requests += 1;
    counted.inFlight += 1;
  });
  page.on('requestfinished', async (request) => {
    if (!isApi(request.url())) return;
    const body = await (await request.response())?.body().catch(() => null);
    if (isAwaiting(request.url())) counted.awaiting.push(body?.length ?? 0);
    else counted.bytes += body?.length ?? 0;
    counted.urls.push(
      `${body?.length ?? 0} B ${decodeURIComponent(new URL(request.url()).search)}`,
    );
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
      counted.urls = [];
      counted.awaiting = [];
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
    description: `${counted.requests} requests, ${counted.bytes} bytes + awaiting list ${counted.awaiting.join(', ')} bytes`,
  });
  expect(counted.requests, counted.urls.join('\n')).toBeLessThanOrEqual(BUDGET.firstView.requests);
  expect(counted.bytes, counted.urls.join('\n')).toBeLessThanOrEqual(BUDGET.firstView.bytes);
  expect(counted.awaiting, counted.urls.join('\n')).toHaveLength(BUDGET.awaitingList.requests);
  expect(counted.awaiting[0], counted.urls.join('\n')).toBeLessThanOrEqual(
    BUDGET.awaitingList.bytes,
  );

  reset();
  const granularity = page.getByRole('radiogroup', { name: 'Granularity' });
  await expect(granularity.getByRole('radio', { name: 'Week' })).toBeChecked();
  await granularity.getByRole('radio', { name: 'Month' }).check();
  await expect(page).toHaveURL(/[?&]granularity=month/);
  await settled(page, counted);
  test.info().annotations.push({
    type: 'granularity change',
    description: `${counted.requests} requests, ${counted.bytes} bytes`,
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
    description: `${counted.requests} requests, ${counted.bytes} bytes`,
  });
  expect(counted.requests, counted.urls.join('\n')).toBeLessThanOrEqual(
    BUDGET.crossFilter.requests,
  );
});
