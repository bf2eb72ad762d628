// The referrals client's token source: a silent token per request (MSAL's cache answers most),
// and an interactive redirect when silent renewal cannot work.
import {
  AuthError,
  InteractionRequiredAuthError,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import type { GetAccessToken } from '../../lib/api/client';

/**
 * Entra ID can fail silent renewal with a hidden-iframe timeout as well as with
 * InteractionRequiredAuthError; both need the user. MSAL 5 reports the timeout as `timed_out`
 * with sub-error `monitor_window_timeout`; older versions used the latter as the code.
 */
export function needsInteraction(error: unknown): boolean {
  if (error instanceof InteractionRequiredAuthError) return true;
  return (
    error instanceof AuthError &&
    (error.errorCode === 'monitor_window_timeout' || error.subError === 'monitor_window_timeout')
  );
}

export class NotSignedInError extends Error {
  override readonly name = 'NotSignedInError';
  constructor() {
    super('No account is signed in.');
  }
}

export function createAccessTokenGetter(
  instance: IPublicClientApplication,
  scopes: string[],
): GetAccessToken {
  // Parallel queries can all need the user at once: one redirect, not one per query.
  let redirect: Promise<void> | null = null;

  return async (options) => {
    const account = instance.getActiveAccount();
    if (account === null) throw new NotSignedInError();
    try {
      const result = await instance.acquireTokenSilent({
        scopes,
        account,
        forceRefresh: options?.forceRefresh ?? false,
      });
      return result.accessToken;
    } catch (error) {
      if (!needsInteraction(error)) throw error;
      // The redirect returns to this page (URL, so filters, kept) and the query runs again.
      redirect ??= instance.acquireTokenRedirect({ scopes, account }).finally(() => {
        redirect = null;
      });
      await redirect;
      throw new Error('Signing in again.', { cause: error });
    }
  };
}
