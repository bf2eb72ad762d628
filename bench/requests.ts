// Requests and answer bytes per view, counted at the browser on the e2e data (25,000 referrals): the dashboard's
// first view (issue 12's budget: at most 12 requests and 400 KB), a granularity change (at most 4 requests) and
// the response-times page's first view (no target yet). Each load starts with no kept answers (a first visit).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { build } from 'vite';
import type { Figure } from './figures';
import { withSignedInPage } from './signed-in-page';

const root = fileURLToPath(new URL('..', import.meta.url));
const distDir = join(root, '.local/bench/requests-dist');
const QUIET_MS = 1500;

interface Count {
  requests: number;
  bytes: number;
}

/** Counts the API requests `action` causes and the bytes of their answers, until the API has been quiet a while. */
async function countApi(page: Page, action: () => Promise<unknown>): Promise<Count> {
  const count: Count = { requests: 0, bytes: 0 };
  let inFlight = 0;
  let lastEvent = Date.now();
  const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');
  const started = (request: { url(): string }) => {
    if (!isApi(request.url())) return;
    count.requests += 1;
    inFlight += 1;
    lastEvent = Date.now();
  };
  const finished = async (request: { url(): string; response(): Promise<unknown> }) => {
    if (!isApi(request.url())) return;
    const response = (await request.response()) as { body(): Promise<Buffer> } | null;
    count.bytes += (await response?.body().catch(() => null))?.length ?? 0;
    inFlight -= 1;
    lastEvent = Date.now();
  };
  const failed = (request: { url(): string }) => {
    if (isApi(request.url())) inFlight -= 1;
  };
  page.on('request', started);
  page.on('requestfinished', finished);
  page.on('requestfailed', failed);
  await action();
  const deadline = Date.now() + 120_000;
  while (inFlight > 0 || Date.now() - lastEvent < QUIET_MS) {
    if (Date.now() > deadline) throw new Error('The API did not go quiet within 2 minutes.');
    await page.waitForTimeout(200);
  }
  page.off('request', started);
  page.off('requestfinished', finished);
  page.off('requestfailed', failed);
  return count;
}

export async function run(): Promise<Figure[]> {
  await build({ root, logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
  return withSignedInPage(distDir, 25_000, async (page) => {
    const dashboard = await countApi(page, () => page.goto('/'));
    const granularity = await countApi(page, () =>
      page
        .getByRole('radiogroup', { name: 'Granularity' })
        .getByRole('radio', { name: 'Month' })
        .check(),
    );
    const responseTimes = await countApi(page, () => page.goto('/response-times'));
    const kb = (bytes: number) => Math.round(bytes / 100) / 10;
    return [
      {
        label: 'Dashboard first view: API requests',
        value: dashboard.requests,
        unit: 'req',
        target: 12,
      },
      {
        label: 'Dashboard first view: answer bytes',
        value: kb(dashboard.bytes),
        unit: 'KB',
        target: 400,
      },
      {
        label: 'Granularity change: API requests',
        value: granularity.requests,
        unit: 'req',
        target: 4,
      },
      {
        label: 'Response times first view: API requests',
        value: responseTimes.requests,
        unit: 'req',
      },
      {
        label: 'Response times first view: answer bytes',
        value: kb(responseTimes.bytes),
        unit: 'KB',
      },
    ];
  });
}
