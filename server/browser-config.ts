import { API_SCOPE } from '../src/lib/referrals/schema';
import type { LiveSettings } from './config';
import type { AuthorityMetadata } from './idp/provider';

/**
 * The browser's runtime settings (src/lib/runtime-config/config.ts reads and validates them), injected into
 * index.html by the server so one build runs in either mode.
 */
export interface BrowserConfig {
  mode: 'sandbox' | 'live';
  clientId: string;
  authority: string;
  knownAuthorities: string[];
  protocolMode: 'AAD' | 'OIDC';
  redirectUri: string;
  scopes: string[];
  /** JSON text of the provider's endpoints, so MSAL skips discovery. */
  authorityMetadata?: string;
  /** How long before expiry MSAL renews an access token; MSAL's default (300 s) when absent. */
  tokenRenewalOffsetSeconds?: number;
}

/** MSAL's own default renewal margin. */
const MSAL_RENEWAL_OFFSET_SECONDS = 300;

/**
 * Tokens shorter-lived than MSAL's 300 s margin would count as expiring the moment they arrive, so every
 * request would first redeem the refresh token. Renew such tokens once three quarters of their life is used.
 */
export function renewalOffsetFor(accessTokenTtlSeconds: number): number {
  return Math.min(MSAL_RENEWAL_OFFSET_SECONDS, Math.floor(accessTokenTtlSeconds / 4));
}

export const BROWSER_CONFIG_ELEMENT_ID = 'referral-lens-config';

export interface SandboxIdentity {
  issuer: string;
  clientId: string;
  metadata: AuthorityMetadata;
  accessTokenTtlSeconds: number;
}

export function sandboxBrowserConfig(appUrl: string, idp: SandboxIdentity): BrowserConfig {
  return {
    mode: 'sandbox',
    clientId: idp.clientId,
    // MSAL wants the issuer with a trailing slash and reads `<authority>.well-known/...`.
    authority: `${idp.issuer}/`,
    // Naming the host (with its port) keeps MSAL from asking Microsoft's cloud discovery.
    knownAuthorities: [new URL(idp.issuer).host],
    protocolMode: 'OIDC',
    redirectUri: appUrl,
    scopes: [API_SCOPE],
    authorityMetadata: JSON.stringify(idp.metadata),
    tokenRenewalOffsetSeconds: renewalOffsetFor(idp.accessTokenTtlSeconds),
  };
}

export function liveBrowserConfig(settings: LiveSettings): BrowserConfig {
  return {
    mode: 'live',
    clientId: settings.clientId,
    authority: settings.authority,
    knownAuthorities: [new URL(settings.authority).host],
    protocolMode: 'AAD',
    redirectUri: settings.redirectUri,
    scopes: [API_SCOPE],
  };
}

/**
 * JSON that is safe inside a `<script>` element: `<`, `>` and `&` become `\u003c`-style escapes
 * (still the same JSON), so no value can close the element or open a comment.
 */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

/** Puts the config into index.html's `<head>`, before any script runs. */
export function injectBrowserConfig(html: string, config: BrowserConfig): string {
  const headEnd = html.search(/<\/head>/i);
  if (headEnd === -1) throw new Error('index.html has no </head> to put the browser config in.');
  const element = `<script type="application/json" id="${BROWSER_CONFIG_ELEMENT_ID}">${jsonForScriptElement(config)}</script>\n`;
  return `${html.slice(0, headEnd)}${element}${html.slice(headEnd)}`;
}
