// The app's providers and the choice between the landing page and the signed-in shell. Only what
// the landing page needs is imported here: the signed-in shell (router, pages, data) is a lazy chunk.
import type { IPublicClientApplication } from '@azure/msal-browser';
import { InteractionStatus } from '@azure/msal-browser';
import { MsalProvider, useMsal } from '@azure/msal-react';
import { lazy, Suspense, useEffect } from 'react';
import { SignedOutPage } from '../features/auth/signed-out-page';
import { useActiveAccount } from '../features/auth/use-active-account';
import { AppErrorBoundary } from './app-error-boundary';
import type { RuntimeConfig } from '../lib/runtime-config/config';
import { RuntimeConfigProvider } from '../lib/runtime-config/config-context';
import { ShellLoading } from './shell-loading';
import type { SignedInShell } from './signed-in-shell';
import './app-shell.css';

type SignedInShellComponent = typeof SignedInShell;

/** Only after a sign-in in this page: main.tsx loads the shell before the first render when someone is signed in. */
const LazySignedInShell = lazy(() =>
  import('./signed-in-shell').then((m) => ({ default: m.SignedInShell })),
);

function AuthGate({
  startError,
  signedInShell,
}: {
  startError: unknown;
  signedInShell: SignedInShellComponent | undefined;
}) {
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
  const Shell = signedInShell ?? LazySignedInShell;
  return (
    <Suspense fallback={<ShellLoading />}>
      <Shell key={active.homeAccountId} accountId={active.homeAccountId} />
    </Suspense>
  );
}

export function App({
  config,
  msal,
  startError = null,
  signedInShell,
}: {
  config: RuntimeConfig;
  msal: IPublicClientApplication;
  startError?: unknown;
  /** The signed-in shell, when main.tsx loaded its code before the first render: shown at once, never suspending. */
  signedInShell?: SignedInShellComponent;
}) {
  return (
    <AppErrorBoundary>
      <RuntimeConfigProvider config={config}>
        <MsalProvider instance={msal}>
          <AuthGate startError={startError} signedInShell={signedInShell} />
        </MsalProvider>
      </RuntimeConfigProvider>
    </AppErrorBoundary>
  );
}
