// The browser's runtime settings, injected into index.html by the server (dev and serve) so one
// build runs in sandbox or live mode. zod/mini keeps the pre-sign-in bundle small.
import * as z from 'zod/mini';

export const CONFIG_ELEMENT_ID = 'referral-lens-config';

const nonEmpty = (what: string) => z.string().check(z.trim(), z.minLength(1, `${what} is empty`));
const httpsUrl = (what: string) =>
  z.url({ protocol: /^https$/, error: `${what} must be an https URL` });

const runtimeConfigSchema = z.object({
  mode: z.enum(['sandbox', 'live'], 'mode must be "sandbox" or "live"'),
  clientId: nonEmpty('clientId'),
  // MSAL refuses an http authority (authority_uri_insecure), so it is caught here first.
  authority: httpsUrl('authority'),
  knownAuthorities: z.array(nonEmpty('a known authority')),
  protocolMode: z.enum(['AAD', 'OIDC'], 'protocolMode must be "AAD" or "OIDC"'),
  redirectUri: z.url({ protocol: /^https?$/, error: 'redirectUri must be an http(s) URL' }),
  scopes: z.array(nonEmpty('a scope')).check(z.minLength(1, 'scopes must name the API scope')),
  authorityMetadata: z.optional(nonEmpty('authorityMetadata')),
  tokenRenewalOffsetSeconds: z.optional(
    z.int().check(z.nonnegative('tokenRenewalOffsetSeconds must not be negative')),
  ),
});

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;
export type AppMode = RuntimeConfig['mode'];

export type ConfigResult = { ok: true; config: RuntimeConfig } | { ok: false; problem: string };

/** Validates already-parsed JSON; `problem` names the setting that is wrong. */
export function parseRuntimeConfig(json: unknown): ConfigResult {
  const result = runtimeConfigSchema.safeParse(json);
  if (result.success) return { ok: true, config: result.data };
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const message = issue.message;
    if (issue.code === 'invalid_type' && field !== '')
      return `${field} is missing or has the wrong type`;
    return field !== '' && !message.startsWith(field.split('.')[0] ?? '')
      ? `${field}: ${message}`
      : message;
  });
  return { ok: false, problem: problems.join('; ') };
}

/** Reads `<script type="application/json" id="referral-lens-config">` from the page. */
export function readRuntimeConfig(doc: Document = document): ConfigResult {
  const element = doc.getElementById(CONFIG_ELEMENT_ID);
  if (element === null) {
    return {
      ok: false,
      problem: `the page has no settings (no <script id="${CONFIG_ELEMENT_ID}">): it was not served by the Referral Lens server`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(element.textContent ?? '');
  } catch {
    return { ok: false, problem: 'the settings in the page are not valid JSON' };
  }
  return parseRuntimeConfig(json);
}
