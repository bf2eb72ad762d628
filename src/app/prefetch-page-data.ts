// Loaded by main.tsx beside the signed-in code when someone is signed in: puts the answers kept from the last visit
// into the cache, then starts the data requests of the page at the address (those whose kept answers are older
// than the stale time), so they are under way while the page's code loads and renders.
import type { IPublicClientApplication } from '@azure/msal-browser';
import { dashboardQueries } from '../features/dashboard/api/plan';
import { signedInSession } from './signed-in-session';

export async function prefetchPageData(
  instance: IPublicClientApplication,
  scopes: string[],
  accountId: string,
  { pathname, search }: { pathname: string; search: string },
  now: Date,
): Promise<void> {
  const { queryClient, client, restoreKeptAnswers } = signedInSession(instance, scopes, accountId);
  await restoreKeptAnswers();
  if (pathname !== '/') return;
  for (const query of dashboardQueries(client, search, now)) void query.prefetch(queryClient);
}
