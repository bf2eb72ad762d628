// The signed-in layout, the router's root: URL state, the header with the account menu, the data status and
// the page. <ScrollRestoration> comes first, so that its scroll to the top of a new page runs before a page's
// own scroll (the table bringing a row into view).
import { NuqsAdapter } from 'nuqs/adapters/react-router/v7';
import { Outlet, ScrollRestoration, useNavigation } from 'react-router';
import { PageProblemBanner } from '../components/page-problem-banner';
import { PageProblemsProvider } from '../components/page-problems';
import { DataStatusBar } from '../components/data-status/data-status-bar';
import { useRouteFocus } from '../components/use-route-focus';
import { useActiveAccount } from '../features/auth/use-active-account';
import { AppHeader } from './app-header';
// The Print button is on every signed-in page, so the print layout loads with them all (a referral opened
// directly printed with its controls when this came only with the dashboard).
import '../features/report/print.css';

export function SignedInLayout() {
  const { active, others } = useActiveAccount();
  // While the next page's code loads, the page on screen says it is busy.
  const loading = useNavigation().state === 'loading';
  useRouteFocus();
  if (active === null) return null;
  return (
    <NuqsAdapter>
      <ScrollRestoration />
      <div className="app-shell">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <AppHeader active={active} others={others} />
        <main id="main" className="app-shell__main" tabIndex={-1} aria-busy={loading}>
          <DataStatusBar />
          {/* A problem in several places of the page is said once, above it. */}
          <PageProblemsProvider>
            <PageProblemBanner />
            <Outlet />
          </PageProblemsProvider>
        </main>
      </div>
    </NuqsAdapter>
  );
}
