// The landing page before sign-in: what the app is, which data it shows, and Sign in.
import { useMsal } from '@azure/msal-react';
import { useState } from 'react';
import { useRuntimeConfig } from '../../lib/runtime-config/config-context';
import { BrandMark } from '../../components/brand-mark';
import { ModeBadge } from '../../components/mode-badge';
import { signIn } from './auth-actions';
import './signed-out-page.css';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function SignedOutPage({ startError }: { startError?: unknown }) {
  const { instance } = useMsal();
  const config = useRuntimeConfig();
  const [failure, setFailure] = useState<unknown>(startError ?? null);
  const [starting, setStarting] = useState(false);

  const onSignIn = () => {
    setFailure(null);
    setStarting(true);
    signIn(instance, config).catch((error: unknown) => {
      setStarting(false);
      setFailure(error);
    });
  };

  return (
    <main className="landing">
      <div className="landing__card">
        <div className="landing__brand">
          <BrandMark className="landing__mark" />
          <ModeBadge mode={config.mode} />
        </div>
        <h1 className="landing__title">Referral Lens</h1>
        <p className="landing__lead">
          See your Partner Center referrals at a glance: how many arrive, how they move from new to
          won, and which markets and customers they come from.
        </p>
        <p className="landing__lead">
          Filter by date, status and market, open any referral, and export exactly what you see.
        </p>
        {failure !== null && (
          <div role="alert" className="landing__alert">
            <p className="landing__alert-title">Sign-in did not complete</p>
            <p>{messageOf(failure)}</p>
            <p className="landing__alert-advice">Select Sign in to try again.</p>
          </div>
        )}
        <button
          type="button"
          className="button button--primary button--large landing__sign-in"
          onClick={onSignIn}
          disabled={starting}
        >
          Sign in
        </button>
        <p className="landing__note">
          {config.mode === 'sandbox'
            ? 'Sandbox mode: realistic sample data and a local sign-in page. Any user name works; no account or password is needed.'
            : 'Sign in with your Partner Center work account. Your data stays between your browser and Partner Center.'}
        </p>
      </div>
    </main>
  );
}
