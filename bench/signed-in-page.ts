// The browser side of the page benches: the built app in sandbox mode, a desktop-sized page signed in through
// the real sign-in flow, and everything torn down afterwards.
import { chromium, type Page } from '@playwright/test';
import { chooseLaunchOptions } from '../e2e/browser';
import { FORGET_KEPT_ANSWERS } from '../e2e/support/kept-answers';
import { signIn } from '../e2e/support/sign-in';
import { startBuiltApp, type BuiltApp, type BuiltAppSandbox } from './processes';

/**
 * Runs `measure` on a signed-in page of the build in `distDir`, served with `count` sandbox referrals answered
 * as `sandbox` says (a fixed latency, the partner-center profile). Each load starts with no answers kept from
 * the last (a first visit), unless `keepAnswers`.
 */
export async function withSignedInPage<T>(
  distDir: string,
  count: number,
  measure: (page: Page, server: BuiltApp) => Promise<T>,
  sandbox: BuiltAppSandbox = {},
  keepAnswers = false,
): Promise<T> {
  const server = await startBuiltApp(distDir, count, sandbox);
  const browser = await chromium.launch(chooseLaunchOptions());
  try {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      ignoreHTTPSErrors: true,
      viewport: { width: 1280, height: 900 },
    });
    if (!keepAnswers) await context.addInitScript(FORGET_KEPT_ANSWERS);
    const page = await context.newPage();
    await signIn(page);
    return await measure(page, server);
  } finally {
    await browser.close();
    server.child.kill('SIGTERM');
  }
}
