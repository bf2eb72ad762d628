import { defineConfig } from '@playwright/test';
import { chooseLaunchOptions } from './e2e/browser';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  BASE_URL,
  E2E_PORT,
  SANDBOX_ANCHOR_DATE,
  SANDBOX_COUNT,
  SANDBOX_PORT,
  SANDBOX_SEED,
} from './e2e/support/environment';

// Workers re-read this file; pin the anchor date once so every process agrees on the data.
process.env.E2E_ANCHOR_DATE = SANDBOX_ANCHOR_DATE;

// Each E2E_PORT builds into its own folder, so parallel runs never replace each other's app.
const distDir = `.local/e2e/dist-${E2E_PORT}`;

export default defineConfig({
  testDir: './e2e',
  // Per port, so runs in parallel do not delete each other's traces (screenshots that tests take
  // on purpose go to test-results/screens, outside it).
  outputDir: `test-results/playwright-${E2E_PORT}`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    launchOptions: chooseLaunchOptions(),
    // The sandbox's certificate is made on this machine and trusted by no browser.
    ignoreHTTPSErrors: true,
    // Numbers and dates follow the browser's locale: the same one on every machine (a test that
    // wants another says so with test.use).
    locale: 'en-US',
    trace: 'retain-on-failure',
  },
  // The built app, as `npm run build && npm run serve` runs it, in sandbox mode with test options:
  // short-lived access tokens, fault control on, and fixed data.
  webServer: {
    command: `npm run build -- --outDir ${distDir} --emptyOutDir && npm run serve`,
    url: `${BASE_URL}/`,
    ignoreHTTPSErrors: true,
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      REFERRAL_LENS_MODE: 'sandbox',
      REFERRAL_LENS_DIST_DIR: distDir,
      PORT: String(E2E_PORT),
      HOST: 'localhost',
      SANDBOX_PORT: String(SANDBOX_PORT),
      SANDBOX_ALLOW_FAULTS: '1',
      SANDBOX_ACCESS_TOKEN_TTL: String(ACCESS_TOKEN_TTL_SECONDS),
      SANDBOX_SEED: String(SANDBOX_SEED),
      SANDBOX_COUNT: String(SANDBOX_COUNT),
      SANDBOX_ANCHOR_DATE,
    },
  },
});
