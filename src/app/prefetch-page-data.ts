// Loaded by main.tsx beside the signed-in code when someone is signed in: starts the data requests of the page
// at the address, so they are under way while the page's code loads and renders.
import type { IPublicClientApplication } from '@azure/msal-browser';
import { dashboardQueries } from '../features/dashboard/api/plan';
import { signedInSession } from './signed-in-session';

export function prefetchPageData(
  instance: IPublicClientApplication,
  scopes: string[],
  accountId: string,
  { pathname, search }: { pathname: string; search: string },
  now: Date,
): void {
  if (pathname !== '/') return;
  const { queryClient, client } = signedInSession(instance, scopes, accountId);
  for (const query of dashboardQueries(client, search, now)) void query.prefetch(queryClient);
}
