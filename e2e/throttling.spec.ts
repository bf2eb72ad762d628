// The dashboard against a sandbox that behaves like Partner Center: slow answers (the latency model,
// scaled down so the test stays short) and real per-user throttling with a small burst. Whatever is
// throttled must be waited out and retried, never shown as an error. The profile is switched on the one
// e2e server through the sandbox's /_sandbox/profile control (tests run one at a time), rather than
// by building and starting a second server: quicker, and every other test keeps the fast default.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { sandboxProfile } from './support/sandbox-profile';
import { signIn } from './support/sign-in';
import { CHART_TITLES } from './support/dashboard';

/** The client's cap on requests in flight (src/lib/api/request-scheduler.ts). */
const MAX_IN_FLIGHT = 6;

/** Every chart settled with data, every key figure shown, and no error anywhere. */
async function expectViewComplete(page: Page, step: string) {
  for (const title of CHART_TITLES) {
    const chart = page.getByRole('figure', { name: title, exact: true });
    await expect(chart, `${step}: ${title}`).toHaveAttribute('data-state', 'ready', {
      timeout: 60_000,
    });
    await expect(chart, `${step}: ${title}`).toHaveAttribute('aria-busy', 'false', {
      timeout: 60_000,
    });
  }
  const tiles = page.getByRole('region', { name: 'Key figures' }).getByRole('group');
  expect(await tiles.count(), step).toBeGreaterThan(0);
  for (const tile of await tiles.all()) {
    await expect(tile, step).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
    await expect(tile.getByText('Loading'), step).toHaveCount(0, { timeout: 60_000 });
    await expect(tile.locator('.kpi-tile__value'), step).toHaveText(/\d/);
  }
  await expect(page.getByRole('alert'), step).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Try again' }), step).toHaveCount(0);
}

test.afterEach(async () => {
  await sandboxProfile.reset();
});

test('with the Partner Center profile and a small burst, a first view and five filter changes finish with no error panel', async ({
  page,
}) => {
  // Some 150 requests at a few a second once the burst is spent.
  test.setTimeout(240_000);
  await sandboxProfile.use({
    profile: 'partner-center',
    latencyScale: 0.1,
    throttleBurst: 6,
    throttleRefillPerSecond: 3,
  });

  let inFlight = 0;
  let mostInFlight = 0;
  const statuses: number[] = [];
  const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');
  page.on('request', (request) => {
    if (!isApi(request.url())) return;
    inFlight += 1;
    mostInFlight = Math.max(mostInFlight, inFlight);
  });
  const settled = (url: string) => {
    if (isApi(url)) inFlight -= 1;
  };
  page.on('requestfinished', (request) => settled(request.url()));
  page.on('requestfailed', (request) => settled(request.url()));
  page.on('response', (response) => {
    if (isApi(response.url())) statuses.push(response.status());
  });

  await signIn(page, 'Throttled Partner');
  await expectViewComplete(page, 'first view');

  const filterBar = page.getByRole('search', { name: 'Filters' });
  const changes: [string, () => Promise<void>][] = [
    [
      'Last 6 months',
      async () => {
        await page.getByLabel('Date range').selectOption({ label: 'Last 6 months' });
      },
    ],
    ['granularity Month', () => filterBar.getByRole('radio', { name: 'Month' }).check()],
    [
      'one organisation size',
      async () => {
        await filterBar.getByRole('button', { name: 'Organisation size', exact: true }).click();
        await filterBar
          .getByRole('group', { name: 'Organisation size' })
          .getByRole('checkbox')
          .first()
          .check();
        await page.keyboard.press('Escape');
      },
    ],
    [
      'Last 12 months',
      async () => {
        await page.getByLabel('Date range').selectOption({ label: 'Last 12 months' });
      },
    ],
    ['granularity Week', () => filterBar.getByRole('radio', { name: 'Week' }).check()],
  ];
  for (const [step, change] of changes) {
    await change();
    await expectViewComplete(page, step);
  }

  test.info().annotations.push({
    type: 'requests',
    description: `${statuses.length} API answers, ${statuses.filter((status) => status === 429).length} of them 429; at most ${mostInFlight} in flight`,
  });
  // The throttling was real, and the app kept to its cap throughout.
  expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
  expect(statuses.filter((status) => status !== 200 && status !== 429)).toEqual([]);
  expect(mostInFlight).toBeLessThanOrEqual(MAX_IN_FLIGHT);
});
