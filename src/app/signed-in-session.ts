// The signed-in account's data session: its query cache and its referrals client. Kept outside React so that
// main.tsx can start fetching a page's data before the page's code has rendered, and the signed-in app then
// finds the requests already under way in the same cache.
import type { IPublicClientApplication } from '@azure/msal-browser';
import type { QueryClient } from '@tanstack/react-query';
import { createAccessTokenGetter } from '../features/auth/access-token';
import { createReferralsClient, type ReferralsClient } from '../lib/api/client';
import { createQueryClient } from '../lib/api/query-client';

export interface SignedInSession {
  accountId: string;
  queryClient: QueryClient;
  client: ReferralsClient;
}

let current: SignedInSession | null = null;

/** The session of the account `accountId`: the one under way, or a new one (one account's data never shows under another's). */
export function signedInSession(
  instance: IPublicClientApplication,
  scopes: string[],
  accountId: string,
): SignedInSession {
  if (current?.accountId !== accountId) {
    current = {
      accountId,
      queryClient: createQueryClient(),
      client: createReferralsClient({ getAccessToken: createAccessTokenGetter(instance, scopes) }),
    };
  }
  return current;
}

/** Signed out or switched away: its cached referrals go with it. */
export function endSignedInSession(session: SignedInSession): void {
  session.queryClient.clear();
  if (current === session) current = null;
}
