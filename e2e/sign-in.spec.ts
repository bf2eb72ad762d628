import type { Page, Request, Response, Route } from '@playwright/test';
import { ACCESS_TOKEN_TTL_SECONDS } from './support/environment';
import { expect, test } from './support/fixtures';
import { sandboxFaults } from './support/sandbox-faults';
import { sandboxReferrals } from './support/sandbox-api';
import { completeSandboxSignIn, openSandboxSignIn, signIn, signOut } from './support/sign-in';

// Issue 3, end to end: real MSAL redirects, the sandbox identity provider, the proxy and the
// sandbox API, on the built app as `npm run serve` runs it.

const API_PATH = '/api/partner/v1/analytics/referrals';
const SCREENS = 'test-results/screens';

const isApiRequest = (request: Request) => new URL(request.url()).pathname === API_PATH;
/** The funnel's joint query of every stage date, whose buckets add up to the Total referrals tile. */
const isTotalRequest = (request: Request) =>
  isApiRequest(request) &&
  (new URL(request.url()).searchParams.get('groupby') ?? '').startsWith('acknowledgedDate,');

function totalTile(page: Page) {
  return page.getByRole('group', { name: 'Total referrals' });
}

/** A failure shown in several places is said once, in the page's banner, above the heading. */
function pageAlert(page: Page, text: string) {
  return page.getByRole('alert').filter({ hasText: text });
}

test.afterEach(async () => {
  await sandboxFaults.clear();
});

test('signs in through the sandbox provider and shows the total the API reports', async ({
  page,
  network,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Referral Lens', level: 1 })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/landing.png`, fullPage: true });

  await openSandboxSignIn(page);
  await expect(page.getByRole('textbox', { name: 'User name' })).toBeFocused();
  await page.screenshot({ path: `${SCREENS}/sandbox-sign-in.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SCREENS}/sandbox-sign-in-dark.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });

  const totalQueries = new Set<string>();
  page.on('request', (request) => {
    if (isTotalRequest(request)) totalQueries.add(new URL(request.url()).search);
  });
  await completeSandboxSignIn(page, 'Ada Lovelace');

  await expect(page.getByText('Sandbox', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Account menu' })).toContainText('Ada Lovelace');
  await expect(totalTile(page)).toContainText(/\d{1,3}(,\d{3})+/);
  // The number shown is what the sandbox API answers for one of the queries the app sent.
  const shown = /\d{1,3}(?:,\d{3})+/.exec((await totalTile(page).textContent()) ?? '')?.[0];
  const answers = await Promise.all(
    [...totalQueries].map(async (search) => {
      const answer = (await sandboxReferrals(new URLSearchParams(search))) as {
        Value: { referralCount: number }[];
      };
      return answer.Value.reduce((sum, bucket) => sum + bucket.referralCount, 0).toLocaleString(
        'en-US',
      );
    }),
  );
  expect(answers).toContain(shown);
  await page.screenshot({ path: `${SCREENS}/signed-in.png`, fullPage: true });

  expect(network.blocked).toEqual([]);
});

test('stays signed in after a reload', async ({ page }) => {
  await signIn(page, 'Grace Hopper');
  await expect(totalTile(page)).toContainText(/\d/);

  const providerVisits: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/oidc/interaction')) {
      providerVisits.push(request.url());
    }
  });
  await page.reload();

  await expect(page.getByRole('button', { name: 'Account menu' })).toContainText('Grace Hopper');
  await expect(totalTile(page)).toContainText(/\d{1,3}(,\d{3})*/);
  expect(providerVisits).toEqual([]);
});

test('an address with no page says so under the header, and leads to the dashboard', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/no/such/page?range=12m');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Account menu' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the dashboard' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Referrals overview' })).toBeFocused();
  await expect(totalTile(page)).toContainText(/\d/);
});

test('renews an expired access token silently', async ({ page }) => {
  // It waits out a whole access-token lifetime on top of a sign-in.
  test.setTimeout(120_000);
  const tokenGrants: string[] = [];
  const providerPages: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname === '/oidc/token') {
      tokenGrants.push(new URLSearchParams(request.postData() ?? '').get('grant_type') ?? '');
    }
    if (pathname.startsWith('/oidc/interaction')) providerPages.push(pathname);
  });
  // headers() leaves out Authorization; headerValue() reads the raw request.
  const bearerOf = async (request: Request) => (await request.headerValue('authorization')) ?? '';

  const firstCall = page.waitForRequest(isApiRequest);
  await signIn(page, 'Alan Turing');
  await expect(totalTile(page)).toContainText(/\d/);
  const firstToken = await bearerOf(await firstCall);
  expect(firstToken).toMatch(/^Bearer ey/);
  providerPages.length = 0;
  tokenGrants.length = 0;

  // Outlive the access token, then make the app call the API again.
  await page.waitForTimeout((ACCESS_TOKEN_TTL_SECONDS + 3) * 1000);
  expect(expiresAt(firstToken)).toBeLessThan(Date.now());
  const renewedCall = page.waitForResponse((response) => isApiRequest(response.request()));
  await page.reload();

  const renewed = await renewedCall;
  const renewedToken = await bearerOf(renewed.request());
  expect(renewed.status()).toBe(200);
  expect(renewedToken).not.toBe(firstToken);
  expect(expiresAt(renewedToken)).toBeGreaterThan(Date.now());
  await expect(totalTile(page)).toContainText(/\d{1,3}(,\d{3})*/);
  await expect(page.getByRole('button', { name: 'Account menu' })).toContainText('Alan Turing');
  // Renewed with the refresh token: no new authorization, no sign-in page.
  expect(tokenGrants).toContain('refresh_token');
  expect(tokenGrants).not.toContain('authorization_code');
  expect(providerPages).toEqual([]);
});

/** The `exp` of a bearer token, in epoch milliseconds. */
function expiresAt(authorization: string): number {
  const payload = authorization.replace(/^Bearer /, '').split('.')[1] ?? '';
  const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp: number };
  return exp * 1000;
}

test('retries a 429 after Retry-After, keeping the request id, and shows the total', async ({
  page,
}) => {
  const answers: { status: number; requestId: string }[] = [];
  page.on('response', (response: Response) => {
    // Any API call may draw the fault ('top=1' also matches top=100): follow them all.
    if (isApiRequest(response.request())) {
      answers.push({
        status: response.status(),
        requestId: response.request().headers()['ms-requestid'] ?? '',
      });
    }
  });
  await sandboxFaults.add({ status: 429, times: 1, match: 'top=1', retryAfter: 1 });

  await signIn(page, 'Ada Lovelace');

  await expect(totalTile(page)).toContainText(/\d{1,3}(,\d{3})*/);
  await expect(totalTile(page).getByRole('alert')).toHaveCount(0);
  // Whichever request drew the 429 was sent again, with the same MS-RequestId, and succeeded.
  await expect.poll(() => answers.find((answer) => answer.status === 429)).toBeDefined();
  const throttledId = answers.find((answer) => answer.status === 429)?.requestId;
  await expect
    .poll(() => answers.some((answer) => answer.status === 200 && answer.requestId === throttledId))
    .toBe(true);
});

test('explains a persistent 500 with the request id, and recovers on Try again', async ({
  page,
}) => {
  const failedIds = new Set<string>();
  page.on('response', (response: Response) => {
    if (isTotalRequest(response.request()) && response.status() === 500) {
      failedIds.add(response.headers()['ms-requestid'] ?? '');
    }
  });
  await sandboxFaults.add({ status: 500, times: 1000, match: 'groupby=acknowledgedDate' });

  await signIn(page, 'Ada Lovelace');

  // The total's query fails: one message for the page, the tile says it is unavailable.
  const alert = pageAlert(page, 'Partner Center had a problem');
  await expect(alert).toBeVisible();
  await expect(totalTile(page)).toContainText('Unavailable');
  // Retried a few times first (the panel says so), then the user is told what to do.
  await expect(alert).not.toContainText('Retrying', { timeout: 45_000 });
  await expect(alert).toContainText(/try again/i);
  await expect(alert).toContainText(/Request ID: \S+/);
  const shownId = /Request ID: ([0-9a-f-]{36})/i.exec((await alert.textContent()) ?? '')?.[1] ?? '';
  expect([...failedIds]).toContain(shownId);
  await page.screenshot({ path: `${SCREENS}/total-error.png`, fullPage: true });

  await sandboxFaults.clear();
  await alert.getByRole('button', { name: 'Try again' }).click();

  await expect(totalTile(page)).toContainText(/\d{1,3}(,\d{3})*/);
  await expect(alert).toHaveCount(0);
});

test('after a 401 that a fresh token cannot fix, Sign in again keeps the filters', async ({
  page,
}) => {
  await signIn(page, 'Ada Lovelace');
  const filtered = '/?range=12m&status=Won&status=Lost';
  await page.goto(filtered);
  await expect(totalTile(page)).toContainText(/\d/);

  // Partner Center refuses every token, even the one the client fetches fresh after a 401.
  const refuse = (route: Route) =>
    route.fulfill({
      status: 401,
      contentType: 'application/json',
      body: JSON.stringify({ code: 401, description: 'The token was refused.' }),
    });
  // One matcher for route and unroute: Playwright removes a route only given the same function.
  const isApi = (url: URL) => url.pathname === API_PATH;
  await page.route(isApi, refuse);
  await page.reload();
  const alert = pageAlert(page, 'Your sign-in was not accepted');
  await expect(alert).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Sign in again' })).toHaveCount(1);
  await expect(totalTile(page)).toContainText('Unavailable');
  await expect(alert).toContainText(/Request ID: \S+/);
  await page.screenshot({ path: `${SCREENS}/sign-in-again.png`, fullPage: true });

  await page.unroute(isApi, refuse);
  const grants: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/oidc/token') {
      grants.push(new URLSearchParams(request.postData() ?? '').get('grant_type') ?? '');
    }
  });
  await alert.getByRole('button', { name: 'Sign in again' }).click();

  // Through the provider (its session answers at once) and back to the same address.
  await expect(page.getByRole('button', { name: 'Account menu' })).toContainText('Ada Lovelace');
  await expect(totalTile(page)).toContainText(/\d/);
  await expect(page.getByRole('alert')).toHaveCount(0);
  const back = new URL(page.url());
  expect(back.pathname).toBe('/');
  expect(back.searchParams.get('range')).toBe('12m');
  expect(back.searchParams.getAll('status')).toEqual(['Won', 'Lost']);
  expect(grants).toContain('authorization_code');
});

test('signs out and returns to the landing page', async ({ page }) => {
  await signIn(page, 'Ada Lovelace');

  // What the signed-in page shows from the click until the redirect leaves it: a "Signing out…" status, never the
  // landing page as if sign-out had finished (MSAL forgets the account before it navigates to the provider).
  const seen = new Set<string>();
  await page.exposeBinding('reportSignOutScreen', (_source, what: string) => seen.add(what));
  // A page script (the tests' types have no DOM): a Sign in button or the status, whenever the page changes.
  await page.evaluate(`{
    const texts = (selector) =>
      [...document.querySelectorAll(selector)].map((element) => element.textContent.trim());
    new MutationObserver(() => {
      if (texts('button').includes('Sign in')) window.reportSignOutScreen('landing');
      if (texts('[role="status"]').includes('Signing out…')) window.reportSignOutScreen('signing out');
    }).observe(document.body, { childList: true, subtree: true });
  }`);
  await signOut(page);
  expect([...seen]).toEqual(['signing out']);
  await expect(page.getByRole('heading', { name: 'Referral Lens', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Account menu' })).toHaveCount(0);
  // Signed out at the provider too: signing in asks for a user name again.
  await openSandboxSignIn(page);
});
