// Start-up order: settings from the page -> MSAL initialised and any sign-in redirect consumed ->
// first render. Anything that fails before the app can render shows a page that says what to do.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { readRuntimeConfig } from './lib/runtime-config/config';
import { StartupProblemPage } from './app/startup-problem-page';
import { createMsalInstance } from './features/auth/msal-config';
import { addressWithoutSignOutState } from './features/auth/sign-out-return';
import { startAuth } from './features/auth/start-auth';
import './styles/tokens.css';
import './styles/base.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element.');
const root = createRoot(container);

async function boot() {
  const settings = readRuntimeConfig();
  if (!settings.ok) {
    root.render(
      <StrictMode>
        <StartupProblemPage
          title="Referral Lens has no valid settings"
          problem={`The page's settings are missing or wrong: ${settings.problem}.`}
        />
      </StrictMode>,
    );
    return;
  }
  try {
    const msal = createMsalInstance(settings.config);
    const { redirectError } = await startAuth(msal);
    const cleaned = addressWithoutSignOutState(window.location.href);
    if (cleaned !== null) window.history.replaceState(window.history.state, '', cleaned);
    // Answers kept for accounts no longer signed in (signed out in another tab, or a removal the sign-out
    // redirect cut short) go, whether or not anyone is signed in now.
    const signedIn = msal.getAllAccounts().map((a) => a.homeAccountId);
    void import('./lib/query-persistence/account-storage')
      .then(({ forgetAccountsExcept }) => forgetAccountsExcept(signedIn))
      .catch(() => undefined);
    // Signed in already: the signed-in shell's code before the first render, so nothing suspends; its router
    // then loads the page's code and starts the page's requests (src/app/router.tsx). A chunk that fails to load
    // is left to the lazy path and its error boundary. Signed out: none of it.
    const signedInShell =
      msal.getActiveAccount() === null
        ? undefined
        : await import('./app/signed-in-shell').then(
            (m) => m.SignedInShell,
            () => undefined,
          );
    root.render(
      <StrictMode>
        <App
          config={settings.config}
          msal={msal}
          startError={redirectError}
          signedInShell={signedInShell}
        />
      </StrictMode>,
    );
  } catch (error) {
    root.render(
      <StrictMode>
        <StartupProblemPage
          title="Sign-in could not start"
          problem={error instanceof Error ? error.message : String(error)}
        />
      </StrictMode>,
    );
  }
}

void boot();
