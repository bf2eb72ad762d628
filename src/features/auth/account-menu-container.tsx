import type { AccountInfo } from '@azure/msal-browser';
import { useMsal } from '@azure/msal-react';
import { useState } from 'react';
import { useRuntimeConfig } from '../../lib/runtime-config/config-context';
import { forgetAccount } from '../../lib/query-persistence/account-storage';
import { displayName, emailOf } from './account-display';
import { AccountMenu, type AccountSummary } from './account-menu';
import { signInWithAnotherAccount, signOut } from './auth-actions';

function summarize(account: AccountInfo): AccountSummary {
  return { id: account.homeAccountId, name: displayName(account), email: emailOf(account) };
}

/** The account menu for the signed-in shell, wired to MSAL. */
export function AccountMenuContainer({
  active,
  others,
}: {
  active: AccountInfo;
  others: readonly AccountInfo[];
}) {
  const { instance } = useMsal();
  const config = useRuntimeConfig();
  const [failure, setFailure] = useState<string | null>(null);
  // From the click on Sign out (kept answers are removed first) until MSAL's own sign-out state takes over.
  const [signingOut, setSigningOut] = useState(false);
  // A redirect that cannot start (another sign-in already under way, a blocked navigation).
  const redirect = (start: () => Promise<void>) => () => {
    setFailure(null);
    start().catch((error: unknown) => {
      setSigningOut(false);
      setFailure(error instanceof Error ? error.message : String(error));
    });
  };
  return (
    <>
      <AccountMenu
        active={summarize(active)}
        others={others.map(summarize)}
        onSwitch={(id) => {
          const account = others.find((a) => a.homeAccountId === id);
          if (account === undefined) return;
          // The account switched away from leaves nothing kept on this browser.
          void forgetAccount(active.homeAccountId).catch(() => undefined);
          instance.setActiveAccount(account);
        }}
        onSignInAnother={redirect(() => signInWithAnotherAccount(instance, config))}
        onSignOut={redirect(() => {
          setSigningOut(true);
          return signOut(instance, active, config);
        })}
      />
      {signingOut && (
        <p role="status" className="account-menu__status">
          Signing out…
        </p>
      )}
      {failure !== null && (
        <p role="alert" className="account-menu__error">
          The sign-in page could not be opened ({failure}). Reload the page and try again.
        </p>
      )}
    </>
  );
}
