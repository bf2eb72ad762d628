import type { Middleware } from '../proxy/referrals-proxy';
import { requestHostName } from './host-check';

// The headers every answer of both servers carries. The page holds access tokens: a strict
// Content-Security-Policy is the second wall behind the app's never-render-markup rule.

export interface AppPolicyOptions {
  /**
   * The identity provider's origin when it is not this server (live mode: Entra ID's). MSAL calls
   * its token endpoint; it never frames it (access-token.ts renews with the refresh token only).
   */
  authorityOrigin: string | null;
  /**
   * `npm start` only: Vite's dev page has an inline React refresh preamble and injects CSS as
   * `<style>` elements; both carry this nonce (Vite's `html.cspNonce`). The built app needs none.
   */
  devNonce?: string;
}

/** The app's Content-Security-Policy. */
export function appContentSecurityPolicy({ authorityOrigin, devNonce }: AppPolicyOptions): string {
  const nonce = devNonce ? ` 'nonce-${devNonce}'` : '';
  const authority = authorityOrigin ? ` ${authorityOrigin}` : '';
  return [
    "default-src 'self'",
    `script-src 'self'${nonce}`,
    // React and recharts set styles through the CSSOM (element.style), which CSP does not govern;
    // no style attribute in markup and no <style> element is needed by the built app.
    `style-src 'self'${nonce}`,
    // Charts' SVG and the favicon; exports are downloaded from blob: URLs (a navigation, not an image).
    "img-src 'self' data:",
    "font-src 'self'",
    // 'self' covers the dev server's HMR WebSocket (same host and port) in CSP Level 3 browsers.
    `connect-src 'self'${authority}`,
    // Silent sign-in renews with the refresh token only (src/features/auth/access-token.ts), never
    // in a hidden frame, so the app frames nothing and nothing frames it. A frame MSAL tried to
    // open would be a violation, which fails the e2e suite.
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "worker-src 'self'",
    "manifest-src 'self'",
  ].join('; ');
}

/** Powerful features the app never uses, refused to it and to anything it might embed. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
].join(', ');

/** One year, as preload lists ask; sent only over https to a name other than localhost. */
export const HSTS = 'max-age=31536000';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface SecurityHeadersOptions {
  /** The policy for the app (everything but the identity provider's pages). */
  appPolicy: string;
  /** Paths (prefixes) whose pages bring their own policy: the sandbox identity provider's. */
  ownPolicies?: readonly { pathPrefix: string; policy: string }[];
  /** The server speaks https (HSTS is meaningless over http). */
  https: boolean;
}

/**
 * Sets the security headers on every answer before any handler runs; a handler may still replace
 * them for its own answer (the identity provider's pages do, with a policy of their own).
 */
export function createSecurityHeaders({
  appPolicy,
  ownPolicies = [],
  https,
}: SecurityHeadersOptions): Middleware {
  return (req, res, next) => {
    const path = req.url ?? '/';
    const own = ownPolicies.find(
      ({ pathPrefix }) => path === pathPrefix || path.startsWith(`${pathPrefix}/`),
    );
    res.setHeader('content-security-policy', own ? own.policy : appPolicy);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('permissions-policy', PERMISSIONS_POLICY);
    const host = requestHostName(req);
    if (https && host !== null && !LOOPBACK.has(host)) {
      res.setHeader('strict-transport-security', HSTS);
    }
    next();
  };
}
