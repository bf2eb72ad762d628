// Every error the user sees: what happened, what to do, the request ID to quote, Try again, and
// after a 401 Sign in again (where the signed-in app provides it). A problem the page's banner
// already shows (see page-problems.tsx) is only marked here as unavailable.
import { useId } from 'react';
import { isApiError, needsSignIn } from '../lib/api/errors';
import { describeError } from './error-copy';
import { usePageProblem } from './page-problems';
import { useSignInAgain } from './sign-in-again';
import { SignInAgainButton } from './sign-in-again-button';
import { useCountdown } from './use-countdown';
import './error-panel.css';

export interface ErrorPanelProps {
  error: unknown;
  /** Shown as a **Try again** button when given. */
  onRetry?: () => void;
  /** True while React Query is still retrying on its own (the error is its last failure). */
  retrying?: boolean;
  /** Smaller layout for tiles and chart cards. */
  compact?: boolean;
  /** The page's banner: how many places on the page show this problem (it does not report itself). */
  pageWide?: number;
}

export function ErrorPanel({
  error,
  onRetry,
  retrying = false,
  compact = false,
  pageWide,
}: ErrorPanelProps) {
  const retryAfter = isApiError(error) && retrying ? error.retryAfterSeconds : null;
  const secondsLeft = useCountdown(retryAfter, error);
  const signInAgain = useSignInAgain();
  const place = useId();
  const { covered } = usePageProblem(place, { error, retrying }, pageWide === undefined);
  if (covered) {
    return (
      <p className={`error-panel-quiet${compact ? ' error-panel-quiet--compact' : ''}`}>
        Unavailable
        {/* Tiles are narrow, and the banner is plain to see; a screen reader hears where it is. */}
        <span className={compact ? 'visually-hidden' : undefined}>
          : see the message at the top of the page.
        </span>
      </p>
    );
  }
  const offerSignIn = signInAgain !== null && needsSignIn(error);
  const copy = describeError(error, { retrying, secondsLeft, canSignInAgain: offerSignIn });
  const banner = pageWide !== undefined;
  let className = 'error-panel';
  if (compact) className += ' error-panel--compact';
  if (banner) className += ' error-panel--banner';
  return (
    <div role="alert" className={className}>
      <svg className="error-panel__icon" viewBox="0 0 20 20" aria-hidden="true">
        <circle cx="10" cy="10" r="8.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M10 5.5v5.5" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
        <circle cx="10" cy="14" r="1.1" fill="currentColor" />
      </svg>
      <div className="error-panel__body">
        <p className="error-panel__title">{copy.title}</p>
        {copy.detail !== null && <p className="error-panel__detail">{copy.detail}</p>}
        <p className="error-panel__advice">{copy.advice}</p>
        {banner && (
          <p className="error-panel__scope">
            {pageWide} parts of this page show as unavailable until this is resolved.
          </p>
        )}
        {copy.requestId !== null && (
          <p className="error-panel__request-id">
            Request ID: <code>{copy.requestId}</code>
          </p>
        )}
        {(offerSignIn || onRetry !== undefined) && (
          <div className="error-panel__actions">
            {offerSignIn && <SignInAgainButton signInAgain={signInAgain} />}
            {onRetry !== undefined && (
              <button type="button" className="button error-panel__action" onClick={onRetry}>
                Try again
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
