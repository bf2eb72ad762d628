import { expect, type Page } from '@playwright/test';

/** From the landing page to the sandbox provider's sign-in page. */
export async function openSandboxSignIn(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sandbox sign-in' })).toBeVisible();
}

/** On the sandbox sign-in page: type the user name, sign in, and wait for the signed-in app. */
export async function completeSandboxSignIn(page: Page, userName: string): Promise<void> {
  await page.getByRole('textbox', { name: 'User name' }).fill(userName);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Account menu' })).toBeVisible();
}

/** Signs in through the real MSAL redirect flow and the sandbox identity provider. */
export async function signIn(page: Page, userName = 'Ada Lovelace'): Promise<void> {
  await openSandboxSignIn(page);
  await completeSandboxSignIn(page, userName);
}

/**
 * Signs out through the account menu and waits for the whole round trip: MSAL shows the landing page as soon as it
 * forgets the account, before it navigates to the provider's end-session endpoint, so a test that went on at that
 * moment could cut the sign-out short and find the provider still signed in.
 */
export async function signOut(page: Page): Promise<void> {
  let atProvider = false;
  const back = page.waitForRequest((request) => {
    if (!request.isNavigationRequest() || request.frame() !== page.mainFrame()) return false;
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/oidc/session/end')) atProvider = true;
    return atProvider && !pathname.startsWith('/oidc');
  });
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await back;
  await page.waitForLoadState('load');
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
}
