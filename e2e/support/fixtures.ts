import { test as base } from '@playwright/test';
import { FORGET_KEPT_ANSWERS } from './kept-answers';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface NetworkGuard {
  /** Requests the page tried to make to anywhere but this machine (all aborted). */
  blocked: string[];
}

/**
 * Every test runs on a closed network: requests to anything but localhost are aborted at once
 * (so nothing waits on a timeout) and recorded, so a test can prove the app stayed local.
 */
export const test = base.extend<{
  network: NetworkGuard;
  keepAnswersAcrossLoads: boolean;
  coldLoads: void;
}>({
  network: [
    async ({ context }, use) => {
      const guard: NetworkGuard = { blocked: [] };
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (LOCAL_HOSTS.has(url.hostname)) return route.continue();
        guard.blocked.push(url.href);
        return route.abort('blockedbyclient');
      });
      await use(guard);
    },
    // Installed for every test, before its first request, whether or not it asks for it.
    { auto: true },
  ],
  /** The app keeps answers across page loads; only the cache's own tests want that (test.use to turn on). */
  keepAnswersAcrossLoads: [false, { option: true }],
  /** Otherwise every page load starts with no kept answers, so a reload asks the API as a test expects. */
  coldLoads: [
    async ({ context, keepAnswersAcrossLoads }, use) => {
      if (!keepAnswersAcrossLoads) await context.addInitScript(FORGET_KEPT_ANSWERS);
      await use();
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
