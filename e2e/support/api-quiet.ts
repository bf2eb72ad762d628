// Waits until the page's API traffic has stopped: nothing in flight and nothing started for `quietMs`. For tests
// that then assert what a user action sends, so a request the first view started late (a figure's second request,
// the awaiting list's rest) is not counted against the action.
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');

export async function apiQuiet(page: Page, quietMs = 1_000): Promise<void> {
  let inFlight = 0;
  let lastStart = Date.now();
  const started = (request: { url(): string }) => {
    if (!isApi(request.url())) return;
    inFlight += 1;
    lastStart = Date.now();
  };
  const ended = (request: { url(): string }) => {
    if (isApi(request.url())) inFlight = Math.max(0, inFlight - 1);
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  try {
    await expect
      .poll(() => inFlight === 0 && Date.now() - lastStart >= quietMs, { timeout: 30_000 })
      .toBe(true);
  } finally {
    page.off('request', started);
    page.off('requestfinished', ended);
    page.off('requestfailed', ended);
  }
}
