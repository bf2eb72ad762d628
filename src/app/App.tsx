// The app's providers and the choice between the landing page and the signed-in shell. Only what
// the landing page needs is imported here: the signed-in shell is a lazy chunk.
import type { IPublicClientApplication } from '@azure/msal-browser';
import { InteractionStatus } from '@azure/msal-browser';
import { MsalProvider, useMsal } from '@azure/msal-react';
import { Suspense, useEffect } from 'react';
import { SignedOutPage } from '../features/auth/SignedOutPage';
import { useActiveAccount } from '../features/auth/useActiveAccount';
import { AppErrorBoundary } from './AppErrorBoundary';
import type { RuntimeConfig } from './config';
import { RuntimeConfigProvider } from './config-context';
import { PageLoading } from './PageLoading';
import { signedInShell } from './route-modules';
import './AppShell.css';

const SignedInShell = signedInShell.Component;

/** While the signed-in shell's chunk loads: only after a sign-in in this page, since main.tsx preloads it. */
function ShellLoading({ label }: { label?: string }) {
  return (
    <div className="app-shell">
      <main id="main" className="app-shell__main">
        <PageLoading label={label} />
      </main>
    </div>
  );
}

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
  // MSAL forgets the account before it leaves for the provider's sign-out: until the page is left, say so rather
  // than show the landing page as if sign-out had finished.
  if (inProgress === InteractionStatus.Logout) return <ShellLoading label="Signing out" />;
  if (active === null) return <SignedOutPage startError={startError} />;
  return (
    <Suspense fallback={<ShellLoading />}>
      <SignedInShell active={active} others={others} />
    </Suspense>
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
          <AuthGate startError={startError} />
        </MsalProvider>
      </RuntimeConfigProvider>
    </AppErrorBoundary>
  );
}
