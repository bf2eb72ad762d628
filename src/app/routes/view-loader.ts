// What every route's loader does: put the account's kept answers into the cache, then start the view's requests
// and return without waiting for them. Partner Center may take minutes to answer; the page paints at once (from
// the kept answers where there are any) and figure by figure as answers arrive. A request that fails leaves its
// error in the cache, where the figure's own hook shows it with the page's other problems: prefetchQuery never
// throws, so one failed figure never turns the whole route into an error page.
import type { LoaderFunctionArgs } from 'react-router';
import type { PrefetchableQuery } from '../../lib/api/queries';
import type { SignedInSession } from '../signed-in-session';

/** What a loader needs of the signed-in session. */
export type RouteSession = Pick<SignedInSession, 'queryClient' | 'client' | 'restoreKeptAnswers'>;

/** The requests a view at this address makes as it first shows. */
export type ViewQueries = (
  session: RouteSession,
  address: { url: URL; params: LoaderFunctionArgs['params'] },
  now: Date,
) => PrefetchableQuery[];

export function viewLoader(session: RouteSession, queries: ViewQueries, now = () => new Date()) {
  return async ({ url, params }: LoaderFunctionArgs): Promise<null> => {
    await session.restoreKeptAnswers();
    for (const query of queries(session, { url, params }, now())) {
      void query.prefetch(session.queryClient);
    }
    return null;
  };
}
