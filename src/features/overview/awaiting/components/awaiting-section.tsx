// "Awaiting a response": the open referrals nobody has answered, least time left first, with how many expire
// soon and an export. Time left is counted from the data's age, which the section states.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { ErrorPanel } from '../../../../components/error-panel';
import { queryProblem } from '../../../../components/query-problem';
import { sumCounts } from '../../../../lib/analytics/buckets';
import { useReferralsClient } from '../../../../lib/api/client-context';
import { CSV_MIME_TYPE } from '../../../../lib/csv/csv';
import { downloadBlob } from '../../../../lib/csv/download';
import { formatCount, formatUtcDateTime } from '../../../../lib/format/format';
import { useViewFilters, useNow } from '../../../filters';
import { referralPath } from '../../../referrals';
import { AWAITING_TOP, awaitingDays, restQuery, useAwaitingAnswers } from '../../api/awaiting-list';
import { awaitingCsv, awaitingFileName } from '../model/awaiting-csv';
import { awaitingView, type AwaitingAnswers } from '../model/awaiting-view';
import { EXPIRY_DAYS, SOON_DAYS } from '../model/expiry';
import { formatTimeLeft } from '../model/time-left';
import './awaiting.css';

const HEADING_ID = 'awaiting-heading';

export function AwaitingSection() {
  const { filters } = useViewFilters();
  const now = useNow();
  const { search } = useLocation();
  const client = useReferralsClient();
  const queryClient = useQueryClient();
  const [showAll, setShowAll] = useState(false);
  const [exporting, setExporting] = useState(false);
  const nowMs = now.getTime();
  const days = useMemo(() => awaitingDays(new Date(nowMs)), [nowMs]);

  const compute = useCallback(
    (answers: AwaitingAnswers) => awaitingView(answers, nowMs, days),
    [nowMs, days],
  );

  // The soonest rows and the rest's count first; the rest's rows only when asked for, or when the data is too old
  // to be dated by the soonest rows.
  const { soonest, restCount, rest, needsRest } = useAwaitingAnswers(
    filters,
    now,
    (rows) =>
      showAll ||
      (rows !== undefined &&
        compute({ soonest: rows, restCount: undefined, rest: undefined }) === 'needsRest'),
  );
  const problem =
    queryProblem(soonest) ?? (needsRest || showAll ? queryProblem(rest) : queryProblem(restCount));
  const soonestRows = soonest.data?.rows;
  const restRows = rest.data?.rows;
  const restTotal = restCount.data && sumCounts(restCount.data);
  const view = useMemo(() => {
    if (!soonestRows) return null;
    const result = compute({ soonest: soonestRows, restCount: restTotal, rest: restRows });
    return result === 'needsRest' ? null : result;
  }, [soonestRows, restTotal, restRows, compute]);
  const truncated = soonest.data?.next != null || rest.data?.next != null;

  const exportList = async () => {
    if (!view || !soonestRows) return;
    let whole = view;
    if (!view.complete) {
      // The whole list, not the rows on screen: fetch the rest first (one request).
      setExporting(true);
      try {
        const restPage = await queryClient.fetchQuery(restQuery(client, filters, now));
        const result = compute({ soonest: soonestRows, restCount: undefined, rest: restPage.rows });
        if (result === null || result === 'needsRest') return;
        whole = result;
      } catch {
        // The rest's query shows its own problem below; nothing is downloaded.
        setShowAll(true);
        return;
      } finally {
        setExporting(false);
      }
    }
    downloadBlob(
      new Blob([awaitingCsv(whole.list, whole.asOfMs)], { type: CSV_MIME_TYPE }),
      awaitingFileName(whole.asOfMs),
    );
  };

  return (
    <section
      className="awaiting"
      aria-labelledby={HEADING_ID}
      aria-busy={soonest.isFetching || restCount.isFetching || rest.isFetching}
    >
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
          disabled={!view || view.total === 0 || exporting}
          onClick={() => void exportList()}
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
            <strong>{formatCount(view.total)}</strong> awaiting
            {' · '}
            <strong>{formatCount(view.counts.within24Hours)}</strong> expire within 24 h{' · '}
            <strong>{formatCount(view.counts.within3Days)}</strong> within {SOON_DAYS} days
          </p>
          {truncated && (
            <p className="awaiting__note" role="note">
              The API returned at most {formatCount(AWAITING_TOP)} open referrals per request: some
              are not listed, and the counts above cover those listed.
            </p>
          )}
          {!view.complete && (
            <p className="awaiting__note">
              Listed: the {formatCount(view.list.length)} that expire soonest (every one within{' '}
              {SOON_DAYS} days among them).{' '}
              <button type="button" className="button" onClick={() => setShowAll(true)}>
                Show all {formatCount(view.total)}
              </button>
            </p>
          )}
          {view.total === 0 ? (
            <p className="awaiting__note">No referral is waiting for an answer.</p>
          ) : view.list.length === 0 ? null : (
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
