// The signed-in app's routes, in React Router's data mode. Each route loads its page's code and its loader's code
// in parallel (`lazy`, object form), and its loader starts the page's requests in the account's query cache (see
// routes/view-loader.ts) while the code loads. Created per signed-in session (signed-in-shell.tsx), so loaders reach
// that account's cache and client and nothing of one account runs under another.
import {
  createBrowserRouter,
  useRouteError,
  type RouteObject,
  type ShouldRevalidateFunction,
} from 'react-router';
import { CrashNotice } from './app-error-boundary';
import { RESPONSE_TIMES_PATH } from './paths';
import { ShellLoading } from './shell-loading';
import { SignedInLayout } from './signed-in-layout';
import { viewLoader, type RouteSession, type ViewQueries } from './routes/view-loader';

/**
 * A loader starts its view's requests as the view is entered (or, for one referral, changed). Within a view its
 * hooks ask for what changes; filters, paging and Back between them send the loader nothing.
 */
const onEnter: ShouldRevalidateFunction = ({ currentUrl, nextUrl }) =>
  currentUrl.pathname !== nextUrl.pathname;

function useCrash(): Error {
  const error = useRouteError();
  return error instanceof Error ? error : new Error(String(error));
}

/** A page whose code failed to load or threw: said in the page's place, under the header. */
function PageCrash() {
  return <CrashNotice variant="content" error={useCrash()} />;
}

/** The layout itself threw: the whole window says so. */
function ShellCrash() {
  return <CrashNotice error={useCrash()} />;
}

function loaderOf(session: RouteSession, load: () => Promise<ViewQueries>, now?: () => Date) {
  return async () => viewLoader(session, await load(), now);
}

/** `now`: the clock the loaders read (the pages read theirs from ClockProvider, the real clock by default). */
export function appRoutes(session: RouteSession, now?: () => Date): RouteObject[] {
  return [
    {
      id: 'signed-in',
      Component: SignedInLayout,
      HydrateFallback: ShellLoading,
      ErrorBoundary: ShellCrash,
      children: [
        {
          ErrorBoundary: PageCrash,
          children: [
            {
              id: 'overview',
              index: true,
              shouldRevalidate: onEnter,
              lazy: {
                loader: loaderOf(
                  session,
                  () => import('./routes/overview').then((m) => m.overviewQueries),
                  now,
                ),
                Component: () =>
                  import('../features/overview/dashboard-page').then((m) => m.DashboardPage),
              },
            },
            {
              id: 'response-times',
              path: RESPONSE_TIMES_PATH,
              shouldRevalidate: onEnter,
              lazy: {
                loader: loaderOf(
                  session,
                  () => import('./routes/response-times').then((m) => m.responseTimesQueries),
                  now,
                ),
                Component: () =>
                  import('../features/response-times').then((m) => m.ResponseTimesPage),
              },
            },
            {
              id: 'referral',
              path: '/referrals/:id',
              shouldRevalidate: onEnter,
              lazy: {
                loader: loaderOf(
                  session,
                  () => import('./routes/referral').then((m) => m.referralQueries),
                  now,
                ),
                Component: () =>
                  import('../features/referrals/drilldown/referral-page').then(
                    (m) => m.ReferralPage,
                  ),
              },
            },
            {
              id: 'not-found',
              path: '*',
              lazy: { Component: () => import('./not-found-page').then((m) => m.NotFoundPage) },
            },
          ],
        },
      ],
    },
  ];
}

export function createAppRouter(session: RouteSession) {
  return createBrowserRouter(appRoutes(session));
}

export type AppRouter = ReturnType<typeof createAppRouter>;
