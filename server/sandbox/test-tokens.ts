// Test support: an identity provider's key pair and tokens shaped like the sandbox provider's (and Entra ID's).
import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
} from 'jose';
import { API_RESOURCE } from '../../src/lib/referrals/schema';

export const TEST_ISSUER = 'https://localhost:5173/oidc';

export interface TestKey {
  kid: string;
  privateKey: CryptoKey;
  /** The private key as a JWK, as `.local/signing-key.json` holds it. */
  privateJwk: JWK;
  jwks: JSONWebKeySet;
}

export async function createTestKey(kid = 'test-key'): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, privateJwk, jwks: { keys: [publicJwk] } };
}

export interface TokenOverrides {
  claims?: JWTPayload;
  /** Claims to leave out, e.g. `scp`. */
  omit?: string[];
  typ?: string;
  expiresInSeconds?: number;
}

/** A valid delegated access token unless overridden. */
export async function signAccessToken(
  key: TestKey,
  overrides: TokenOverrides = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims: JWTPayload = {
    iss: TEST_ISSUER,
    aud: API_RESOURCE,
    sub: 'sandbox-user',
    scp: 'user_impersonation',
    iat: now,
    exp: now + (overrides.expiresInSeconds ?? 600),
    ...overrides.claims,
  };
  for (const name of overrides.omit ?? []) delete claims[name];
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: overrides.typ ?? 'at+jwt' })
    .sign(key.privateKey);
}
