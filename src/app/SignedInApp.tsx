// Everything behind sign-in that needs data: the account's session (query cache and referrals
// client, see signed-in-session.ts) and the routes. Part of the signed-in shell's lazy chunk (see SignedInShell), never the landing page's.
import { useMsal } from '@azure/msal-react';
import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useCallback, useEffect, useState } from 'react';
import { Route, Routes } from 'react-router';
import { PageProblemBanner } from '../components/PageProblemBanner';
import { PageProblemsProvider } from '../components/page-problems';
import { DataStatusBar } from '../components/data-status/DataStatusBar';
import { SignInAgainProvider } from '../components/sign-in-again';
import { useRouteFocus } from '../components/useRouteFocus';
import { signInAgain } from '../features/auth/auth-actions';
import { ReferralsClientProvider } from '../lib/api/client-context';
import { AppErrorBoundary } from './AppErrorBoundary';
import { useRuntimeConfig } from './config-context';
import { NotFoundPage } from './NotFoundPage';
import { PageLoading } from './PageLoading';
import {
  dashboardPage,
  referralPage,
  RESPONSE_TIMES_PATH,
  responseTimesPage,
} from './route-modules';
import { endSignedInSession, signedInSession } from './signed-in-session';

const DashboardPage = dashboardPage.Component;
const ReferralPage = referralPage.Component;
const ResponseTimesPage = responseTimesPage.Component;

/**
 * Mounted once per signed-in account (keyed by homeAccountId): switching accounts starts a fresh
 * session, so one account's referrals never show under another's name. The session may already
 * hold requests that main.tsx started for this address.
 */
export function SignedInApp({ accountId }: { accountId: string }) {
  const { instance } = useMsal();
  const { scopes } = useRuntimeConfig();
  const [session] = useState(() => signedInSession(instance, scopes, accountId));
  const { queryClient, client } = session;
  // Error panels offer it after a 401: an interactive token, back to the same address.
  const startSignInAgain = useCallback(() => signInAgain(instance, { scopes }), [instance, scopes]);
  useEffect(() => () => endSignedInSession(session), [session]);
  useRouteFocus();

  return (
    <QueryClientProvider client={queryClient}>
      <ReferralsClientProvider client={client}>
        <SignInAgainProvider signInAgain={startSignInAgain}>
          <DataStatusBar />
          <AppErrorBoundary variant="content">
            {/* A problem in several places of the page is said once, above it. */}
            <PageProblemsProvider>
              <PageProblemBanner />
              <Suspense fallback={<PageLoading />}>
                <Routes>
                  <Route path="/" element={<DashboardPage />} />
                  <Route path="/referrals/:id" element={<ReferralPage />} />
                  <Route path={RESPONSE_TIMES_PATH} element={<ResponseTimesPage />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Routes>
              </Suspense>
            </PageProblemsProvider>
          </AppErrorBoundary>
        </SignInAgainProvider>
      </ReferralsClientProvider>
    </QueryClientProvider>
  );
}
