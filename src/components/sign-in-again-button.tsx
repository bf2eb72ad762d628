// **Sign in again** in an error panel after a 401: starts the interactive sign-in and says so if
// the sign-in page cannot be opened (another sign-in under way, a blocked navigation).
import { useState } from 'react';
import type { SignInAgain } from './sign-in-again';

export function SignInAgainButton({ signInAgain }: { signInAgain: SignInAgain }) {
  const [starting, setStarting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const onClick = () => {
    setFailure(null);
    setStarting(true);
    signInAgain().catch((error: unknown) => {
      setStarting(false);
      setFailure(error instanceof Error ? error.message : String(error));
    });
  };

  return (
    <>
      <button
        type="button"
        className="button button--primary error-panel__action"
        onClick={onClick}
        disabled={starting}
      >
        Sign in again
      </button>
      {failure !== null && (
        <p className="error-panel__action-failure">
          The sign-in page could not be opened ({failure}). Reload the page and try again.
        </p>
      )}
    </>
  );
}
