// The referrals client's token source: a silent token per request (MSAL's cache answers most),
// and an interactive redirect when silent renewal cannot work, unless the page holds work a redirect would lose.
import {
  AuthError,
  CacheLookupPolicy,
  InteractionRequiredAuthError,
  type AccountInfo,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import type { GetAccessToken } from '../../lib/api/client';
import { pageIsHeld } from '../../lib/page-hold';

/**
 * Silent renewal uses the cached access token and the refresh token only. MSAL's default would, when
 * there is no refresh token or it has expired, try a hidden iframe next: with third-party cookies
 * blocked (or a sandbox provider that does not answer in frames) that is an ~8-10 s time-out per
 * try before the user is asked anyway, and a 401's forced refresh would wait out a second one.
 * Without it the user goes to the sign-in page at once (or sees Sign in again, see below).
 */
const SILENT_POLICY = CacheLookupPolicy.AccessTokenAndRefreshToken;

/**
 * Errors that need the user: InteractionRequiredAuthError (no refresh token, an expired one,
 * interaction_required...), a refresh token the provider refused (`invalid_grant`: revoked, or
 * past its lifetime), and a hidden-iframe timeout, which MSAL 5 reports as `timed_out` with
 * sub-error `monitor_window_timeout` (older versions used the latter as the code).
 */
export function needsInteraction(error: unknown): boolean {
  if (error instanceof InteractionRequiredAuthError) return true;
  return (
    error instanceof AuthError &&
    (error.errorCode === 'invalid_grant' ||
      error.errorCode === 'monitor_window_timeout' ||
      error.subError === 'monitor_window_timeout')
  );
}

export class NotSignedInError extends Error {
  override readonly name = 'NotSignedInError';
  constructor() {
    super('No account is signed in.');
  }
}

/** How long a forced refresh that has finished still answers other forced refreshes. */
export const SHARED_REFRESH_MS = 5_000;

interface TokenCall {
  accountId: string;
  token: Promise<string>;
  /** Until when a forced call's token answers other forced calls; Infinity while under way. */
  freshUntil: number;
}

/**
 * At most one MSAL token call runs at a time. A renewal redeems the refresh token, and
 * identity providers that rotate refresh tokens treat two redemptions of the same one as theft
 * and revoke the whole grant (oidc-provider does). Requests start a few at a time (see the
 * client's scheduler), so MSAL's own merging of identical calls in flight is not enough:
 *  - a plain call while any call is under way gets that call's token;
 *  - a forced refresh (after a 401) waits for a plain call under way, then refreshes; forced
 *    refreshes asked for together or within SHARED_REFRESH_MS of the last share one, since a
 *    revoked token makes every request in flight ask at once.
 */
export function createAccessTokenGetter(
  instance: IPublicClientApplication,
  scopes: string[],
  now: () => number = Date.now,
  mayLeavePage: () => boolean = () => !pageIsHeld(),
): GetAccessToken {
  // Parallel queries can all need the user at once: one redirect, not one per query.
  let redirect: Promise<void> | null = null;
  let current: TokenCall | null = null;
  let lastForced: TokenCall | null = null;

  function start(account: AccountInfo, forced: boolean, after: Promise<unknown>): TokenCall {
    const call: TokenCall = {
      accountId: account.homeAccountId,
      token: after
        .catch(() => undefined)
        .then(async () => {
          const result = await instance.acquireTokenSilent({
            scopes,
            account,
            forceRefresh: forced,
            cacheLookupPolicy: SILENT_POLICY,
          });
          return result.accessToken;
        }),
      freshUntil: Number.POSITIVE_INFINITY,
    };
    current = call;
    if (forced) lastForced = call;
    const settle = (freshUntil: number) => {
      call.freshUntil = freshUntil;
      if (current === call) current = null;
    };
    // A failed call is never handed to later requests: they try again themselves.
    call.token.then(
      () => settle(now() + SHARED_REFRESH_MS),
      () => settle(Number.NEGATIVE_INFINITY),
    );
    return call;
  }

  function tokenFor(account: AccountInfo, forced: boolean): Promise<string> {
    const ongoing = current?.accountId === account.homeAccountId ? current : null;
    if (!forced) return (ongoing ?? start(account, false, Promise.resolve())).token;
    const shared = lastForced;
    if (shared?.accountId === account.homeAccountId && now() < shared.freshUntil) {
      return shared.token;
    }
    return start(account, true, ongoing?.token ?? Promise.resolve()).token;
  }

  return async (options) => {
    const account = instance.getActiveAccount();
    if (account === null) throw new NotSignedInError();
    try {
      return await tokenFor(account, options?.forceRefresh ?? false);
    } catch (error) {
      // With work on the page that leaving would lose, the error goes to the caller, and the user chooses when
      // to sign in again (its panel offers it).
      if (!needsInteraction(error) || !mayLeavePage()) throw error;
      // The redirect returns to this page (URL, so filters, kept) and the query runs again.
      redirect ??= instance.acquireTokenRedirect({ scopes, account }).finally(() => {
        redirect = null;
      });
      await redirect;
      throw new Error('Signing in again.', { cause: error });
    }
  };
}
