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
