// The app's providers and the choice between the landing page and the signed-in shell.
import type { IPublicClientApplication } from '@azure/msal-browser';
import { InteractionStatus } from '@azure/msal-browser';
import { MsalProvider, useMsal } from '@azure/msal-react';
import { NuqsAdapter } from 'nuqs/adapters/react-router/v7';
import { lazy, Suspense, useEffect } from 'react';
import { BrowserRouter } from 'react-router';
import { SignedOutPage } from '../features/auth/SignedOutPage';
import { useActiveAccount } from '../features/auth/useActiveAccount';
import { AppErrorBoundary } from './AppErrorBoundary';
import { AppHeader } from './AppHeader';
import type { RuntimeConfig } from './config';
import { RuntimeConfigProvider } from './config-context';
import { PageLoading } from './PageLoading';
import './AppShell.css';

const SignedInApp = lazy(() => import('./SignedInApp').then((m) => ({ default: m.SignedInApp })));

function AuthGate({ startError }: { startError: unknown }) {
  const { instance, inProgress } = useMsal();
  const { active, others } = useActiveAccount();
  const firstOtherId = others[0]?.homeAccountId ?? null;

  // The active account was signed out elsewhere (another tab) but others remain: use the next.
  useEffect(() => {
    if (active === null && firstOtherId !== null) {
      const next = instance.getAllAccounts().find((a) => a.homeAccountId === firstOtherId);
      if (next !== undefined) instance.setActiveAccount(next);
    }
  }, [active, firstOtherId, instance]);

  // msal-react lists no accounts until its start-up pass ends: wait rather than flash the landing page.
  if (inProgress === InteractionStatus.Startup) return null;
  if (active === null) return <SignedOutPage startError={startError} />;
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader active={active} others={others} />
      <main id="main" className="app-shell__main" tabIndex={-1}>
        <Suspense fallback={<PageLoading />}>
          <SignedInApp key={active.homeAccountId} />
        </Suspense>
      </main>
    </div>
  );
}

export function App({
  config,
  msal,
  startError = null,
}: {
  config: RuntimeConfig;
  msal: IPublicClientApplication;
  startError?: unknown;
}) {
  return (
    <AppErrorBoundary>
      <RuntimeConfigProvider config={config}>
        <MsalProvider instance={msal}>
          <BrowserRouter>
            <NuqsAdapter>
              <AuthGate startError={startError} />
            </NuqsAdapter>
          </BrowserRouter>
        </MsalProvider>
      </RuntimeConfigProvider>
    </AppErrorBoundary>
  );
}
