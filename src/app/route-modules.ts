// Chunks loaded on demand. Named once so main.tsx can fetch the ones the address needs as soon as it
// knows someone is signed in, before the first render. Never loaded on the signed-out landing page,
// so its visitors download none of this code.
import { preloadable } from '../lib/lazy/preloadable';

export const RESPONSE_TIMES_PATH = '/response-times';

export const signedInShell = preloadable(() =>
  import('./SignedInShell').then((m) => m.SignedInShell),
);

export const dashboardPage = preloadable(() =>
  import('../features/dashboard/DashboardPage').then((m) => m.DashboardPage),
);

export const responseTimesPage = preloadable(() =>
  import('../features/response-times').then((m) => m.ResponseTimesPage),
);

export const referralPage = preloadable(() =>
  import('../features/referrals/drilldown/ReferralPage').then((m) => m.ReferralPage),
);

/** The signed-in code a page at `pathname` renders first: the shell and its route's page. */
export function signedInModulesFor(pathname: string): Promise<unknown>[] {
  const page =
    pathname === '/'
      ? dashboardPage
      : pathname === RESPONSE_TIMES_PATH
        ? responseTimesPage
        : pathname.startsWith('/referrals/')
          ? referralPage
          : null;
  return [signedInShell.load(), ...(page ? [page.load()] : [])];
}
