// The page's banner: each problem shown in more than one place, said once, with one Try again for
// every failed query of the page (and Sign in again after a refused sign-in, from ErrorPanel).
import { ErrorPanel } from './error-panel';
import { usePageProblemBanner } from './page-problems';

export function PageProblemBanner() {
  const { groups, retryAll } = usePageProblemBanner();
  if (groups.length === 0) return null;
  return (
    <div className="page-problems">
      {groups.map((group) => (
        <ErrorPanel
          key={group.kind}
          error={group.error}
          retrying={group.retrying}
          onRetry={retryAll}
          pageWide={group.places}
        />
      ))}
    </div>
  );
}
