import { defineConfig } from '@playwright/test';
import { chooseLaunchOptions } from './e2e/browser';

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: chooseLaunchOptions(),
    ignoreHTTPSErrors: true,
    trace: 'retain-on-failure',
  },
});
