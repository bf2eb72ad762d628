// Everything behind sign-in that needs data: the query cache, the referrals client and the
// routes. Part of the signed-in shell's lazy chunk (see SignedInShell), never the landing page's.
import { useMsal } from '@azure/msal-react';
import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Route, Routes } from 'react-router';
import { SignInAgainProvider } from '../components/sign-in-again';
import { createAccessTokenGetter } from '../features/auth/access-token';
import { signInAgain } from '../features/auth/auth-actions';
import { createReferralsClient } from '../lib/api/client';
import { ReferralsClientProvider } from '../lib/api/client-context';
import { createQueryClient } from '../lib/api/query-client';
import { AppErrorBoundary } from './AppErrorBoundary';
import { useRuntimeConfig } from './config-context';
import { NotFoundPage } from './NotFoundPage';
import { PageLoading } from './PageLoading';
import { dashboardPage, referralPage } from './route-modules';

const DashboardPage = dashboardPage.Component;
const ReferralPage = referralPage.Component;

/**
 * Mounted once per signed-in account (keyed by homeAccountId): switching accounts starts a fresh
 * cache, so one account's referrals never show under another's name.
 */
export function SignedInApp() {
  const { instance } = useMsal();
  const { scopes } = useRuntimeConfig();
  const [queryClient] = useState(createQueryClient);
  const client = useMemo(
    () => createReferralsClient({ getAccessToken: createAccessTokenGetter(instance, scopes) }),
    [instance, scopes],
  );
  // Error panels offer it after a 401: an interactive token, back to the same address.
  const startSignInAgain = useCallback(() => signInAgain(instance, { scopes }), [instance, scopes]);
  useEffect(() => () => queryClient.clear(), [queryClient]);

  return (
    <QueryClientProvider client={queryClient}>
      <ReferralsClientProvider client={client}>
        <SignInAgainProvider signInAgain={startSignInAgain}>
          <AppErrorBoundary variant="content">
            <Suspense fallback={<PageLoading />}>
              <Routes>
                <Route path="/" element={<DashboardPage />} />
                <Route path="/referrals/:id" element={<ReferralPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Routes>
            </Suspense>
          </AppErrorBoundary>
        </SignInAgainProvider>
      </ReferralsClientProvider>
    </QueryClientProvider>
  );
}
