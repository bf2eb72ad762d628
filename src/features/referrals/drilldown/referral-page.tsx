import { useQuery } from '@tanstack/react-query';
import { useQueryStates } from 'nuqs';
import { useEffect, useId, useMemo, type MouseEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ErrorPanel } from '../../../components/error-panel';
import { queryProblem } from '../../../components/query-problem';
import { useReferralsClient } from '../../../lib/api/client-context';
import type { ReferralsPage } from '../../../lib/api/types';
import { useViewFilters } from '../../filters';
import { sortReferrals } from '../sorting';
import type { ShowRowState } from '../table-scroll';
import { tableParsers } from '../table-url-state';
import { tablePageQuery } from '../api/referrals-page';
import {
  isFromTable,
  neighbours,
  referralPath,
  searchWithPage,
  tablePath,
  type Neighbour,
} from './links';
import { ReferralDetails } from './referral-details';
import { referralQuery } from './referral-queries';
import { Timeline } from './timeline';
import '../referrals.css';
import './drilldown.css';

/**
 * The table page the referral was opened from, as the URL describes it (usually cached), and at
 * its edges the page before or after, so previous and next can step across.
 */
function useTablePage(id: string) {
  const client = useReferralsClient();
  const { apiFilter } = useViewFilters();
  const [table] = useQueryStates(tableParsers);
  const pageQuery = (page: number, wanted: boolean) => ({
    ...tablePageQuery(client, apiFilter, Math.max(1, page), table.size),
    enabled: wanted,
  });
  const query = useQuery(pageQuery(table.page, true));
  const rows = query.data?.rows;
  const ordered = useMemo(() => (rows ? sortReferrals(rows, table.sort) : []), [rows, table.sort]);
  const ids = ordered.map((row) => row.id);
  const index = ids.indexOf(id);
  const totalCount = query.data?.totalCount ?? null;
  const hasNextPage =
    totalCount !== null ? table.page * table.size < totalCount : query.data?.next != null;
  // The table fetched the next page ahead already; the previous one is usually cached too.
  const nextQuery = useQuery(
    pageQuery(table.page + 1, hasNextPage && index !== -1 && index === ids.length - 1),
  );
  const previousQuery = useQuery(pageQuery(table.page - 1, table.page > 1 && index === 0));
  const around = neighbours(
    {
      page: table.page,
      ids,
      previousIds: previousQuery.data?.rows.map((row) => row.id),
      nextIds: hasNextPage ? nextQuery.data?.rows.map((row) => row.id) : [],
    },
    id,
  );
  return { page: table.page, rows: ordered, around };
}

/** `/referrals/:id`: one referral, fetched with `filter=id eq '<id>'`. */
export function ReferralPage() {
  const { id = '' } = useParams();
  const { search, state } = useLocation();
  const navigate = useNavigate();
  const client = useReferralsClient();
  const headingId = useId();
  const tablePage = useTablePage(id);

  const cached = tablePage.rows.find((row) => row.id === id);
  const placeholder: ReferralsPage | undefined = cached
    ? { rows: [cached], totalCount: 1, next: null }
    : undefined;
  const query = useQuery({
    ...referralQuery(client, id),
    placeholderData: placeholder,
  });
  const referral = query.data?.rows[0];
  const notFound = query.isSuccess && !query.isPlaceholderData && referral === undefined;
  const problem = queryProblem(query);

  const { around } = tablePage;

  useEffect(() => {
    const previousTitle = document.title;
    document.title = `Referral ${id} · Referral Lens`;
    return () => {
      document.title = previousTitle;
    };
  }, [id]);

  function back(event: MouseEvent) {
    // Opened from the table and still on its list: step back in history, so the table's entry
    // (and its scroll, the window's and the table's) is reused. After stepping across a page edge,
    // the link goes to the list shown here, with this referral's row in view.
    if (isFromTable(state, search)) {
      event.preventDefault();
      void navigate(-1);
    }
  }
  const showRow: ShowRowState | undefined =
    around.index === -1 ? undefined : { showRow: around.index };

  return (
    <article className="referral-page" aria-labelledby={headingId}>
      <nav className="referral-page__nav" aria-label="Referral navigation">
        <Link to={tablePath(search)} state={showRow} className="button" onClick={back}>
          <span aria-hidden="true">←</span> Back to referrals
        </Link>
        {around.index !== -1 && (
          <div className="referral-page__neighbours">
            <span className="referral-page__position">
              {around.index + 1} of {tablePage.rows.length} on page {tablePage.page}
            </span>
            <NeighbourLink
              to={around.previous}
              page={tablePage.page}
              search={search}
              state={state}
              label="Previous referral"
            />
            <NeighbourLink
              to={around.next}
              page={tablePage.page}
              search={search}
              state={state}
              label="Next referral"
            />
          </div>
        )}
      </nav>

      {notFound ? (
        <div className="referral-page__not-found">
          <h1 id={headingId}>Referral not found</h1>
          <p>
            No referral with ID <code>{id}</code> is visible to your account. The link may be
            mistyped, or the referral may no longer be in Partner Center&apos;s analytics.
          </p>
        </div>
      ) : (
        <header className="referral-page__header">
          <h1 id={headingId}>
            Referral {id}
            {referral && (
              <>
                <span aria-hidden="true"> · </span>
                <span className="visually-hidden">, </span>
                <span className="referral-page__customer">{referral.customerName}</span>
              </>
            )}
          </h1>
        </header>
      )}

      {problem && !referral && <ErrorPanel {...problem} />}
      {query.isPending && !referral && (
        <p role="status" className="referral-page__loading">
          Loading referral…
        </p>
      )}

      {referral && (
        <div className="referral-page__grid">
          <section className="referral-page__card" aria-labelledby={`${headingId}-timeline`}>
            <h2 id={`${headingId}-timeline`}>Lifecycle</h2>
            <Timeline referral={referral} />
          </section>
          <section className="referral-page__card" aria-labelledby={`${headingId}-details`}>
            <h2 id={`${headingId}-details`}>Details</h2>
            <ReferralDetails referral={referral} />
          </section>
        </div>
      )}
    </article>
  );
}

function NeighbourLink({
  to,
  page,
  search,
  state,
  label,
}: {
  to: Neighbour | null;
  /** The page the referral is on. */
  page: number;
  search: string;
  state: unknown;
  label: string;
}) {
  if (to === null) {
    return (
      <span className="button referral-page__disabled" aria-disabled="true">
        {label}
      </span>
    );
  }
  const target = to.page === page ? search : searchWithPage(search, to.page);
  // Replace, so Back still leads to the table rather than through every referral seen.
  return (
    <Link to={referralPath(to.id, target)} replace state={state} className="button">
      {label}
    </Link>
  );
}
