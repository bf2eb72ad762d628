import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

// Flags Debian's Chromium needs on a closed-network, root-run machine.
const DEBIAN_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Picks the browser at run time: Playwright's own Chromium where it is installed (a laptop after
 * `npx playwright install chromium`), otherwise Debian's (CI and this project's machines).
 */
export function chooseLaunchOptions(): LaunchOptions {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (!existsSync(override))
      throw new Error(`CHROMIUM_PATH points to ${override}, which does not exist.`);
    return { executablePath: override, args: DEBIAN_ARGS };
  }
  if (existsSync(chromium.executablePath())) return {};
  if (existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, args: DEBIAN_ARGS };
  throw new Error(
    "No Chromium found for the end-to-end tests. Install one of: Playwright's own " +
      "(`npx playwright install chromium`), Debian's (`apt-get install -y chromium`), " +
      'or point CHROMIUM_PATH at a Chromium binary.',
  );
}
