import { test as base } from '@playwright/test';
import { SANDBOX_ANCHOR_DATE } from './environment';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const DAY_MS = 24 * 60 * 60 * 1000;

export interface NetworkGuard {
  /** Requests the page tried to make to anywhere but this machine (all aborted). */
  blocked: string[];
}

/**
 * The browser's "now" for a run: the anchor date (the day the sandbox's data ends) at the real
 * time of day (UTC), so the app's ranges end where the data does whatever day the suite runs.
 */
export function anchoredNow(anchorDate: string, realNow = Date.now()): Date {
  const anchorMidnight = Date.parse(`${anchorDate}T00:00:00Z`);
  if (!Number.isFinite(anchorMidnight)) throw new Error(`E2E_ANCHOR_DATE ${anchorDate} is no date`);
  return new Date(anchorMidnight + (realNow % DAY_MS));
}

export const test = base.extend<{ network: NetworkGuard; anchoredClock: void }>({
  /**
   * Every test runs on a closed network: requests to anything but localhost are aborted at once
   * (so nothing waits on a timeout) and recorded, so a test can prove the app stayed local.
   */
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
  /**
   * The browser's clock starts on the anchor date, so the app's "today" is the data's last day
   * (E2E_ANCHOR_DATE pins both). Time keeps flowing from there at the real pace: timers, React and
   * MSAL work as usual, and MSAL's token expiry (issued time + expires_in, on this clock) still
   * runs out after the real token lifetime.
   */
  anchoredClock: [
    async ({ context }, use) => {
      await context.clock.install({ time: anchoredNow(SANDBOX_ANCHOR_DATE) });
      await use();
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
