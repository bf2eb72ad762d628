// Everything behind sign-in: the account's session (query cache and referrals client, see signed-in-session.ts)
// and the router of its pages (router.tsx). Loaded as its own chunk after sign-in, so the signed-out landing page
// ships React and MSAL only (no router, nuqs, React Query or API client).
import { useMsal } from '@azure/msal-react';
import { QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { SignInAgainProvider } from '../components/sign-in-again';
import { signInAgain } from '../features/auth/auth-actions';
import { ReferralsClientProvider } from '../lib/api/client-context';
import { useRuntimeConfig } from '../lib/runtime-config/config-context';
import { createAppRouter, type AppRouter } from './router';
import { ShellLoading } from './shell-loading';
import { endSignedInSession, signedInSession } from './signed-in-session';

/**
 * Mounted once per signed-in account (keyed by homeAccountId): switching accounts starts a fresh session and
 * router, so one account's referrals never show under another's name.
 */
export function SignedInShell({ accountId }: { accountId: string }) {
  const { instance } = useMsal();
  const { scopes } = useRuntimeConfig();
  const [session] = useState(() => signedInSession(instance, scopes, accountId));
  const { queryClient, client } = session;
  // Created in an effect, so the router it disposes on unmount (its history listener would otherwise run this
  // account's loaders after it left) is never the one rendered, StrictMode's second mount included.
  const [router, setRouter] = useState<AppRouter | null>(null);
  useEffect(() => {
    const created = createAppRouter(session);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- an external resource made with its disposal, once per session
    setRouter(created);
    return () => created.dispose();
  }, [session]);
  // Error panels offer it after a 401: an interactive token, back to the same address.
  const startSignInAgain = useCallback(() => signInAgain(instance, { scopes }), [instance, scopes]);
  useEffect(() => () => endSignedInSession(session), [session]);

  return (
    <QueryClientProvider client={queryClient}>
      <ReferralsClientProvider client={client}>
        <SignInAgainProvider signInAgain={startSignInAgain}>
          {router === null ? <ShellLoading /> : <RouterProvider router={router} />}
        </SignInAgainProvider>
      </ReferralsClientProvider>
    </QueryClientProvider>
  );
}
