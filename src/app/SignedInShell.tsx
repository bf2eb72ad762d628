// The signed-in layout: the router and URL state, the header with the account menu, and the
// data app per account. Loaded as its own chunk after sign-in, so the signed-out landing page
// ships React and MSAL only (no router, nuqs, React Query or API client).
import type { AccountInfo } from '@azure/msal-browser';
import { NuqsAdapter } from 'nuqs/adapters/react-router/v7';
import { BrowserRouter } from 'react-router';
import { AppHeader } from './AppHeader';
import { SignedInApp } from './SignedInApp';

export function SignedInShell({
  active,
  others,
}: {
  active: AccountInfo;
  others: readonly AccountInfo[];
}) {
  return (
    <BrowserRouter>
      <NuqsAdapter>
        <div className="app-shell">
          <a className="skip-link" href="#main">
            Skip to content
          </a>
          <AppHeader active={active} others={others} />
          <main id="main" className="app-shell__main" tabIndex={-1}>
            <SignedInApp key={active.homeAccountId} accountId={active.homeAccountId} />
          </main>
        </div>
      </NuqsAdapter>
    </BrowserRouter>
  );
}
