import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { SignJWT, importJWK, type JWK } from 'jose';
import { API_RESOURCE } from '../../src/lib/referrals/schema';
import { ISSUER, SANDBOX_URL } from './environment';

const SIGNING_KEY = fileURLToPath(new URL('../../.local/signing-key.json', import.meta.url));

/**
 * Asks the sandbox API directly (not through the app) for what a test expects to see, with a
 * token signed by the local identity provider's key, as the provider would issue it.
 */
export async function sandboxReferrals(
  query: Record<string, string> | URLSearchParams,
): Promise<unknown> {
  const key = JSON.parse(await readFile(SIGNING_KEY, 'utf8')) as JWK & { kid: string };
  const token = await new SignJWT({ scp: 'user_impersonation', azp: 'referral-lens-sandbox' })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'at+jwt' })
    .setIssuer(ISSUER)
    .setAudience(API_RESOURCE)
    .setSubject('e2e-test')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(await importJWK(key, 'RS256'));
  const response = await fetch(
    `${SANDBOX_URL}/partner/v1/analytics/referrals?${new URLSearchParams(query)}`,
    { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } },
  );
  if (!response.ok)
    throw new Error(`Sandbox answered ${response.status}: ${await response.text()}`);
  return response.json();
}
