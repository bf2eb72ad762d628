// The end-to-end environment, shared by playwright.config.ts (which starts the server) and the
// tests (which reach the sandbox's fault control and API directly).

/** The app's port: set your own when others may run Playwright at the same time. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4443);
/** The sandbox API listens on the next port, on loopback only. */
export const SANDBOX_PORT = E2E_PORT + 1;
export const BASE_URL = `https://localhost:${E2E_PORT}`;
export const ISSUER = `${BASE_URL}/oidc`;
export const SANDBOX_URL = `http://127.0.0.1:${SANDBOX_PORT}`;

/** Access tokens live this long in e2e runs, so a test can wait one out. */
export const ACCESS_TOKEN_TTL_SECONDS = 20;

/** The generated data: a pure function of seed, count and anchor date. */
export const SANDBOX_SEED = 7;
export const SANDBOX_COUNT = 25_000;

/**
 * The day the sandbox's data ends, and the browser's "today" (the anchoredClock fixture starts the
 * browser's clock on it at the real time of day). By default today (UTC); E2E_ANCHOR_DATE pins
 * data and clock together, so a run can be reproduced on any later day.
 */
export const SANDBOX_ANCHOR_DATE =
  process.env.E2E_ANCHOR_DATE ?? new Date().toISOString().slice(0, 10);
