// The signed-in account's data session: its query cache and its referrals client. Kept outside React so that
// the router's loaders (router.tsx) start a page's requests in the same cache the page's hooks then read. Its
// answers are kept in IndexedDB under the account's id (src/lib/query-persistence) for the next visit.
import type { IPublicClientApplication } from '@azure/msal-browser';
import type { QueryClient } from '@tanstack/react-query';
import { createAccessTokenGetter } from '../features/auth/access-token';
import { createReferralsClient, type ReferralsClient } from '../lib/api/client';
import { createQueryClient } from '../lib/api/query-client';
import { accountStorage, browserCacheStore } from '../lib/query-persistence/account-storage';
import {
  createQueryPersistence,
  type QueryPersistence,
} from '../lib/query-persistence/query-persister';

export interface SignedInSession {
  accountId: string;
  queryClient: QueryClient;
  client: ReferralsClient;
  /**
   * Puts the account's kept answers into the cache, once; every route's loader waits for it before its requests
   * and its page's render, so a reload paints from the cache.
   */
  restoreKeptAnswers(): Promise<void>;
}

function browserPersistence(accountId: string): QueryPersistence {
  const store = browserCacheStore();
  return createQueryPersistence({
    storage: store === null ? null : accountStorage(accountId, store),
    buster: __BUILD_ID__,
  });
}

let current: SignedInSession | null = null;

/** The session of the account `accountId`: the one under way, or a new one (one account's data never shows under another's). */
export function signedInSession(
  instance: IPublicClientApplication,
  scopes: string[],
  accountId: string,
): SignedInSession {
  if (current?.accountId !== accountId) {
    const persistence = browserPersistence(accountId);
    const queryClient = createQueryClient(persistence.persisterFn);
    let restored: Promise<void> | undefined;
    current = {
      accountId,
      queryClient,
      client: createReferralsClient({ getAccessToken: createAccessTokenGetter(instance, scopes) }),
      restoreKeptAnswers: () => (restored ??= persistence.restore(queryClient)),
    };
  }
  return current;
}

/** Signed out or switched away: its cached referrals go with it. */
export function endSignedInSession(session: SignedInSession): void {
  session.queryClient.clear();
  if (current === session) current = null;
}
