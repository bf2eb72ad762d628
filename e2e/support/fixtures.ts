import { test as base } from '@playwright/test';
import { SANDBOX_ANCHOR_DATE } from './environment';
import { FORGET_KEPT_ANSWERS } from './kept-answers';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const DAY_MS = 24 * 60 * 60 * 1000;

export interface NetworkGuard {
  /** Requests the page tried to make to anywhere but this machine (all aborted). */
  blocked: string[];
}

/** What the browser reported of one Content-Security-Policy violation. */
export interface CspViolation {
  directive: string;
  blockedURI: string;
  documentURI: string;
  sample: string;
}

export interface CspGuard {
  /** Violations seen so far, in every frame of every page of the test. */
  violations: CspViolation[];
  /** Takes the violations seen so far: for a test that provokes one on purpose. */
  take(): CspViolation[];
}

const CSP_BINDING = '__referralLensCspViolation';

/**
 * Runs in every frame before its scripts and reports each violation the browser fires to the test.
 * (Text, not a function: this file is compiled without the DOM's types.)
 */
const LISTEN_FOR_CSP_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (event) => {
  window.${CSP_BINDING}?.({
    directive: event.effectiveDirective,
    blockedURI: event.blockedURI,
    documentURI: event.documentURI,
    sample: event.sample,
  });
});`;

/** Violations listed one a line, for a failure message. */
export function describeViolations(violations: readonly CspViolation[]): string {
  return violations
    .map(
      (v) => `${v.directive} blocked ${v.blockedURI || 'inline'} on ${v.documentURI} ${v.sample}`,
    )
    .join('\n');
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

export const test = base.extend<{
  network: NetworkGuard;
  anchoredClock: void;
  csp: CspGuard;
  keepAnswersAcrossLoads: boolean;
  coldLoads: void;
}>({
  /**
   * Every test runs on a closed network: requests to anything but localhost are aborted at once
   * (so nothing waits on a timeout) and recorded, so a test can prove the app stayed local.
   * Every test also fails on any Content-Security-Policy violation (csp, below): the app must work
   * under its policy, in every page and frame.
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
  csp: [
    async ({ context }, use) => {
      const guard: CspGuard = {
        violations: [],
        take: () => guard.violations.splice(0),
      };
      await context.exposeBinding(CSP_BINDING, (_source, violation: CspViolation) => {
        guard.violations.push(violation);
      });
      await context.addInitScript({ content: LISTEN_FOR_CSP_VIOLATIONS });
      await use(guard);
      if (guard.violations.length > 0) {
        throw new Error(
          `The page broke its Content-Security-Policy:\n${describeViolations(guard.violations)}`,
        );
      }
    },
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
