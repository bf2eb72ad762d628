// The sandbox identity provider's own pages. Self-contained: inline CSS, system fonts (nothing
// is fetched, so they work offline), light and dark. Every dynamic value goes through escapeHtml.
import { createHash } from 'node:crypto';

const STYLE = `
:root { color-scheme: light dark; --bg: #f4f5f7; --card: #fff; --text: #1b1f24; --muted: #57606a;
  --border: #c9ced6; --accent: #0b5cad; --accent-text: #fff; --error: #b42318; --focus: #0b5cad; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0f1419; --card: #1a2028; --text: #e6e8eb; --muted: #a3acb8; --border: #3a4452;
    --accent: #4c9aff; --accent-text: #08121f; --error: #ff8a80; --focus: #8cc2ff; }
}
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: var(--bg);
  color: var(--text); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { width: min(26rem, calc(100vw - 2rem)); background: var(--card); border: 1px solid var(--border);
  border-radius: 12px; padding: 2rem; box-shadow: 0 4px 24px rgb(0 0 0 / 0.08); }
.product { margin: 0 0 0.25rem; color: var(--muted); font-size: 0.875rem; font-weight: 600;
  letter-spacing: 0.02em; }
.badge { display: inline-block; margin-left: 0.5rem; padding: 0 0.5rem; border: 1px solid var(--border);
  border-radius: 999px; font-size: 0.75rem; }
h1 { margin: 0 0 0.75rem; font-size: 1.5rem; line-height: 1.25; }
p { margin: 0 0 1rem; }
.muted { color: var(--muted); font-size: 0.875rem; }
label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
input { width: 100%; padding: 0.625rem 0.75rem; font: inherit; color: inherit; background: transparent;
  border: 1px solid var(--border); border-radius: 6px; }
input[aria-invalid="true"] { border-color: var(--error); }
.error { color: var(--error); font-size: 0.875rem; margin: 0.375rem 0 0; }
.hint { color: var(--muted); font-size: 0.875rem; margin: 0.375rem 0 0; }
button, .button { display: inline-block; margin-top: 1.25rem; width: 100%; padding: 0.625rem 1rem;
  font: inherit; font-weight: 600; text-align: center; text-decoration: none; color: var(--accent-text);
  background: var(--accent); border: 0; border-radius: 6px; cursor: pointer; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
`;

// The sign-out page confirms at once: the user already chose Sign out in the app.
const CONFIRM_SIGN_OUT_SCRIPT = "document.getElementById('confirm-sign-out').click();";

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The pages' Content-Security-Policy: their one style sheet and one script by hash, nothing else
 * loaded, forms posted only here, never framed.
 */
export const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${sha256(STYLE)}`,
  `script-src ${sha256(CONFIRM_SIGN_OUT_SCRIPT)}`,
  "img-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function page(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} · Referral Lens</title>
<style>${STYLE}</style>${head}
</head>
<body>
<main>
<p class="product">Referral Lens<span class="badge">Sandbox</span></p>
${body}
</main>
</body>
</html>`;
}

export interface SignInPageOptions {
  /** Where the form posts: the interaction's login URL. */
  action: string;
  userName?: string;
  problem?: string;
}

export function signInPage({ action, userName = '', problem }: SignInPageOptions): string {
  const described = problem ? 'username-error username-hint' : 'username-hint';
  const error = problem
    ? `<p id="username-error" class="error" role="alert">${escapeHtml(problem)}</p>`
    : '';
  return page(
    'Sandbox sign-in',
    `<h1>Sandbox sign-in</h1>
<p>This is the local sandbox's identity provider. Enter any name to sign in: there is no password,
and nothing leaves your computer.</p>
<form method="post" action="${escapeHtml(action)}">
<label for="username">User name</label>
<input id="username" name="username" type="text" value="${escapeHtml(userName)}" required
  maxlength="100" autocomplete="username" autocapitalize="words" spellcheck="false" autofocus
  aria-describedby="${described}"${problem ? ' aria-invalid="true"' : ''}>
${error}
<p id="username-hint" class="hint">For example Ada Lovelace, or an e-mail address.</p>
<button type="submit">Sign in</button>
</form>`,
  );
}

/**
 * The provider asks to confirm a sign-out; the user already chose Sign out in the app, so the
 * page confirms at once (the button remains for browsers without scripts).
 */
export function signOutPage(providerForm: string): string {
  return page(
    'Signing out',
    `<h1>Signing out…</h1>
<p class="muted">You are being signed out of the sandbox.</p>
${providerForm}
<button id="confirm-sign-out" type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>
<script>${CONFIRM_SIGN_OUT_SCRIPT}</script>`,
  );
}

export function signedOutPage(appUrl: string): string {
  return page(
    'Signed out',
    `<h1>You are signed out</h1>
<p>You have signed out of the sandbox.</p>
<a class="button" href="${escapeHtml(appUrl)}">Back to Referral Lens</a>`,
  );
}

export interface ErrorPageOptions {
  title: string;
  description: string;
  appUrl: string;
}

export function errorPage({ title, description, appUrl }: ErrorPageOptions): string {
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p role="alert">${escapeHtml(description)}</p>
<p class="muted">Go back to Referral Lens and choose Sign in again.</p>
<a class="button" href="${escapeHtml(appUrl)}">Back to Referral Lens</a>`,
  );
}
