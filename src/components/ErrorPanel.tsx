// Every error the user sees: what happened, what to do, the request ID to quote, Try again, and
// after a 401 Sign in again (where the signed-in app provides it).
import { isApiError, needsSignIn } from '../lib/api/errors';
import { describeError } from './error-copy';
import { useSignInAgain } from './sign-in-again';
import { SignInAgainButton } from './SignInAgainButton';
import { useCountdown } from './useCountdown';
import './ErrorPanel.css';

export interface ErrorPanelProps {
  error: unknown;
  /** Shown as a **Try again** button when given. */
  onRetry?: () => void;
  /** True while React Query is still retrying on its own (the error is its last failure). */
  retrying?: boolean;
  /** Smaller layout for tiles and chart cards. */
  compact?: boolean;
}

export function ErrorPanel({ error, onRetry, retrying = false, compact = false }: ErrorPanelProps) {
  const retryAfter = isApiError(error) && retrying ? error.retryAfterSeconds : null;
  const secondsLeft = useCountdown(retryAfter, error);
  const signInAgain = useSignInAgain();
  const offerSignIn = signInAgain !== null && needsSignIn(error);
  const copy = describeError(error, { retrying, secondsLeft, canSignInAgain: offerSignIn });
  return (
    <div role="alert" className={`error-panel${compact ? ' error-panel--compact' : ''}`}>
      <svg className="error-panel__icon" viewBox="0 0 20 20" aria-hidden="true">
        <circle cx="10" cy="10" r="8.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M10 5.5v5.5" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
        <circle cx="10" cy="14" r="1.1" fill="currentColor" />
      </svg>
      <div className="error-panel__body">
        <p className="error-panel__title">{copy.title}</p>
        {copy.detail !== null && <p className="error-panel__detail">{copy.detail}</p>}
        <p className="error-panel__advice">{copy.advice}</p>
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
