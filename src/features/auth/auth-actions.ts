import type { AccountInfo, IPublicClientApplication } from '@azure/msal-browser';
import type { RuntimeConfig } from '../../lib/runtime-config/config';

type AuthSettings = Pick<RuntimeConfig, 'scopes' | 'protocolMode' | 'redirectUri'>;

export function signIn(instance: IPublicClientApplication, config: AuthSettings): Promise<void> {
  return instance.loginRedirect({ scopes: config.scopes });
}

/**
 * Adds an account. Entra ID offers its account picker (select_account); a plain OpenID provider
 * such as the sandbox's does not know that prompt, so it is asked for a fresh login instead.
 */
export function signInWithAnotherAccount(
  instance: IPublicClientApplication,
  config: AuthSettings,
): Promise<void> {
  return instance.loginRedirect({
    scopes: config.scopes,
    prompt: config.protocolMode === 'AAD' ? 'select_account' : 'login',
  });
}

/**
 * After Partner Center refused a token that silent renewal could not replace (a 401): a token
 * asked for interactively, by redirect. MSAL brings the user back to `returnTo` (this page's
 * full address, so the dashboard's filters in it), where the queries run again.
 */
export function signInAgain(
  instance: IPublicClientApplication,
  config: Pick<AuthSettings, 'scopes'>,
  returnTo: string = window.location.href,
): Promise<void> {
  return instance.acquireTokenRedirect({
    scopes: config.scopes,
    account: instance.getActiveAccount() ?? undefined,
    redirectStartPage: returnTo,
  });
}

/**
 * The account's kept answers are removed first (the redirect leaves the page). Without idTokenHint
 * oidc-provider ignores the return URL; Entra ID skips its account picker.
 */
export async function signOut(
  instance: IPublicClientApplication,
  account: AccountInfo,
  config: AuthSettings,
): Promise<void> {
  // Imported here: the landing page, which also signs in with this module, needs no cache code.
  await import('../../lib/query-persistence/account-storage')
    .then(({ forgetAccount }) => forgetAccount(account.homeAccountId))
    .catch(() => undefined);
  return instance.logoutRedirect({
    account,
    ...(account.idToken !== undefined && { idTokenHint: account.idToken }),
    postLogoutRedirectUri: config.redirectUri,
  });
}
