import type { AccountInfo, IPublicClientApplication } from '@azure/msal-browser';
import type { RuntimeConfig } from '../../app/config';

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

/** Without idTokenHint oidc-provider ignores the return URL; Entra ID skips its account picker. */
export function signOut(
  instance: IPublicClientApplication,
  account: AccountInfo,
  config: AuthSettings,
): Promise<void> {
  return instance.logoutRedirect({
    account,
    ...(account.idToken !== undefined && { idTokenHint: account.idToken }),
    postLogoutRedirectUri: config.redirectUri,
  });
}
