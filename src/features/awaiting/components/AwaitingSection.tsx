// "Awaiting a response": the open referrals nobody has answered, least time left first, with how many expire
// soon and an export. Time left is counted from the data's age, which the section states.
import { useMemo } from 'react';
import { Link, useLocation } from 'react-router';
import { ErrorPanel } from '../../../components/ErrorPanel';
import { queryProblem } from '../../../components/query-problem';
import { CSV_MIME_TYPE } from '../../../lib/csv/csv';
import { downloadBlob } from '../../../lib/csv/download';
import { formatCount, formatUtcDateTime } from '../../../lib/format/format';
import { useDashboardFilters, useNow } from '../../filters';
import { referralPath } from '../../referrals';
import { AWAITING_TOP, useAwaitingRows } from '../api/awaitingQuery';
import { awaitingCsv, awaitingFileName } from '../model/awaitingCsv';
import { EXPIRY_DAYS } from '../model/expiry';
import { awaitingReferrals, dataAsOf, expiringCounts, formatTimeLeft } from '../model/timeLeft';
import './awaiting.css';

const HEADING_ID = 'awaiting-heading';

export function AwaitingSection() {
  const { filters } = useDashboardFilters();
  const now = useNow();
  const { search } = useLocation();
  const query = useAwaitingRows(filters, now);
  const problem = queryProblem(query);
  const nowMs = now.getTime();
  const page = query.data;

  const view = useMemo(() => {
    if (!page) return null;
    const newest = dataAsOf(page.rows, nowMs);
    const asOfMs = newest ?? nowMs;
    const list = awaitingReferrals(page.rows, asOfMs);
    return { asOfMs, fromData: newest !== null, list, counts: expiringCounts(list) };
  }, [page, nowMs]);
  const truncated = page !== undefined && page.next !== null;

  const exportList = () => {
    if (!view) return;
    downloadBlob(
      new Blob([awaitingCsv(view.list, view.asOfMs)], { type: CSV_MIME_TYPE }),
      awaitingFileName(view.asOfMs),
    );
  };

  return (
    <section className="awaiting" aria-labelledby={HEADING_ID} aria-busy={query.isFetching}>
      <div className="awaiting__head">
        <div>
          <h2 id={HEADING_ID} className="awaiting__title">
            Awaiting a response
          </h2>
          <p className="awaiting__rule">
            Referrals still New or Acknowledged (nobody has accepted or declined them) that have not
            reached their {EXPIRY_DAYS}-day expiry. Time left = created + {EXPIRY_DAYS} days − the
            data&apos;s age, the newest date in these referrals: Partner Center data lags by about a
            day, so the real time left can be up to a day shorter. Market, size and customer filters
            apply; the date range and status do not.
          </p>
        </div>
        <button
          type="button"
          className="button"
          disabled={!view || view.list.length === 0}
          onClick={exportList}
        >
          Export
        </button>
      </div>
      {problem && <ErrorPanel {...problem} compact />}
      {!view && !problem && (
        <p className="awaiting__note">Loading the referrals awaiting a response…</p>
      )}
      {view && (
        <>
          <p className="awaiting__summary">
            <span data-testid="awaiting-as-of">
              As of {formatUtcDateTime(new Date(view.asOfMs))} UTC
              {view.fromData ? '' : ' (no referrals to date the data by: the clock)'}
            </span>
            {' · '}
            <strong>{formatCount(view.list.length)}</strong> awaiting
            {' · '}
            <strong>{formatCount(view.counts.within24Hours)}</strong> expire within 24 h{' · '}
            <strong>{formatCount(view.counts.within3Days)}</strong> within 3 days
          </p>
          {truncated && (
            <p className="awaiting__note" role="note">
              Only the first {formatCount(AWAITING_TOP)} open referrals the API returned are listed
              {page.totalCount !== null ? ` of ${formatCount(page.totalCount)}` : ''}; the counts
              above cover those.
            </p>
          )}
          {view.list.length === 0 ? (
            <p className="awaiting__note">No referral is waiting for an answer.</p>
          ) : (
            <div
              className="awaiting__table"
              tabIndex={0}
              role="region"
              aria-label="Referrals awaiting a response"
            >
              <table>
                <thead>
                  <tr>
                    <th scope="col">Referral</th>
                    <th scope="col" className="numeric">
                      Time left
                    </th>
                    <th scope="col">Customer</th>
                    <th scope="col">Market</th>
                    <th scope="col">Status</th>
                    <th scope="col">Created (UTC)</th>
                  </tr>
                </thead>
                <tbody>
                  {view.list.map((r) => (
                    <tr
                      key={r.id}
                      className={
                        r.timeLeftMs <= 24 * 3_600_000 ? 'awaiting__row--urgent' : undefined
                      }
                    >
                      <th scope="row">
                        <Link to={referralPath(r.id, search)}>{r.id}</Link>
                      </th>
                      <td className="numeric awaiting__left">{formatTimeLeft(r.timeLeftMs)}</td>
                      <td className="awaiting__customer">{r.customerName}</td>
                      <td>{r.customerMarket}</td>
                      <td>{r.status}</td>
                      <td>{formatUtcDateTime(new Date(r.createdMs))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
