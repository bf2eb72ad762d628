import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { describeError } from '../../../components/error-copy';
import { SignInAgainButton } from '../../../components/sign-in-again-button';
import { useSignInAgain } from '../../../components/sign-in-again';
import { useCountdown } from '../../../components/use-countdown';
import { needsSignIn } from '../../../lib/api/errors';
import { EXPORT_ALL_BUTTON_ID } from './export-controls';
import type { ExportState } from './export-store';
import { useReferralsExport } from './referrals-export';
import { formatCount } from '../../../lib/format/format';

type Retrying = NonNullable<Extract<ExportState, { phase: 'running' }>['retrying']>;

function ofTotal(fetched: number, totalCount: number | null): string {
  return totalCount === null
    ? `${formatCount(fetched)} rows`
    : `${formatCount(fetched)} of ${formatCount(totalCount)} rows`;
}

/** Why the export is waiting, and the seconds left until it tries the page again. */
function RetryNote({ retrying }: { retrying: Retrying }) {
  // Each wait is a new object, so a second wait counts down from its own start.
  const secondsLeft = useCountdown(Math.ceil(retrying.delayMs / 1000), retrying);
  return (
    <p className="export-status__note" role="status">
      {describeError(retrying.error).title}.{' '}
      {secondsLeft ? `Retrying in ${secondsLeft} s` : 'Retrying now'}; nothing fetched so far is
      lost.
    </p>
  );
}

/**
 * Progress of "Export all matching rows", and what can be done when it stops. When a button pressed
 * here goes away with the phase (Cancel, Discard, Dismiss), focus moves to the next panel's first
 * button, or back to the button that started the export, never to <body>.
 */
export function ExportAllStatus() {
  const { state } = useReferralsExport();
  const rootRef = useRef<HTMLDivElement>(null);
  const hadFocus = useRef(false);
  useLayoutEffect(() => {
    const active = document.activeElement;
    const lost = active === null || active === document.body || !active.isConnected;
    if (!hadFocus.current || !lost) return;
    const next =
      rootRef.current?.querySelector<HTMLElement>('button') ??
      document.getElementById(EXPORT_ALL_BUTTON_ID);
    next?.focus();
  }, [state.phase]);
  return (
    <div
      ref={rootRef}
      className="export-status__focus-scope"
      onFocus={() => (hadFocus.current = true)}
      onBlur={(event) => {
        // A pressed button that is removed may blur with no next target: that focus is still ours to place.
        if (event.relatedTarget !== null) hadFocus.current = false;
      }}
    >
      <ExportStatusPanel />
    </div>
  );
}

function ExportStatusPanel(): ReactNode {
  const { store, state } = useReferralsExport();
  const signInAgain = useSignInAgain();

  if (state.phase === 'idle') return null;

  if (state.phase === 'running') {
    const { fetched, totalCount, retrying } = state;
    const percent = totalCount ? Math.min(100, Math.round((fetched / totalCount) * 100)) : null;
    return (
      <div className="export-status" role="group" aria-label="Export of all matching rows">
        <div className="export-status__line">
          <span>Exporting all matching rows: {ofTotal(fetched, totalCount)}</span>
          <button type="button" className="button" onClick={() => store.cancel()}>
            Cancel
          </button>
        </div>
        <div
          className="export-status__bar"
          role="progressbar"
          aria-label="Export progress"
          aria-valuemin={0}
          aria-valuemax={totalCount ?? undefined}
          aria-valuenow={totalCount === null ? undefined : fetched}
          aria-valuetext={ofTotal(fetched, totalCount)}
        >
          <div
            className="export-status__fill"
            style={{ width: percent === null ? '100%' : `${percent}%` }}
            data-indeterminate={percent === null || undefined}
          />
        </div>
        {retrying && <RetryNote retrying={retrying} />}
      </div>
    );
  }

  if (state.phase === 'saving') {
    return (
      <div className="export-status" role="status">
        Building the file from {formatCount(state.fetched)} rows…
      </div>
    );
  }

  if (state.phase === 'done') {
    return (
      <div className="export-status export-status--done" role="status">
        <span>
          {state.partial ? 'Saved what was fetched: ' : 'Exported '}
          {formatCount(state.rowCount)} rows to <code>{state.fileName}</code>.
        </span>
        <button type="button" className="button" onClick={() => store.dismiss()}>
          Dismiss
        </button>
      </div>
    );
  }

  const { checkpoint } = state;
  const failed = state.phase === 'failed';
  const copy = failed ? describeError(state.error) : null;
  // The export stopped rather than send the page to sign in (see page-hold.ts): signing in reloads the page.
  const signInFirst = failed && needsSignIn(state.error);
  return (
    <div
      className={`export-status export-status--${state.phase}`}
      role={failed ? 'alert' : 'status'}
    >
      <p>
        <strong>
          {failed ? 'The export stopped' : 'Export cancelled'} after{' '}
          {ofTotal(checkpoint.rows.length, checkpoint.totalCount)}.
        </strong>{' '}
        {copy && (
          <>
            {copy.title}
            {copy.detail ? `: ${copy.detail}` : ''}.{' '}
            {signInFirst
              ? 'Download what was fetched, then sign in again: signing in reloads this page, and the rows would not survive it.'
              : copy.advice}
            {copy.requestId && <> Request ID: {copy.requestId}.</>}
          </>
        )}{' '}
        The rows fetched so far are kept.
      </p>
      <div className="export-status__actions">
        <button
          type="button"
          // Resuming cannot help until the user has signed in again.
          className={signInFirst ? 'button' : 'button button--primary'}
          onClick={() => void store.resume()}
        >
          Resume export
        </button>
        <button
          type="button"
          className="button"
          disabled={checkpoint.rows.length === 0}
          onClick={() => void store.saveFetched()}
        >
          Download what was fetched
        </button>
        <button type="button" className="button" onClick={() => store.dismiss()}>
          Discard
        </button>
        {signInFirst && signInAgain !== null && <SignInAgainButton signInAgain={signInAgain} />}
      </div>
    </div>
  );
}
