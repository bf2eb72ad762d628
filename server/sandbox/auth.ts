import {
  createLocalJWKSet,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
} from 'jose';
import { API_RESOURCE } from '../../src/lib/referrals/schema';
import type { SandboxAuth } from './options';

/** The delegated permission Partner Center requires, as Entra ID writes it in `scp`. */
export const REQUIRED_SCOPE = 'user_impersonation';

/** `caller`: whom the API counts a request against for throttling (see callerOf). */
export type AuthResult = { ok: true; caller: string } | { ok: false; description: string };

/**
 * Partner Center counts requests per partner tenant: the token's `tid` when it has one; the sandbox's own
 * provider issues none (each sandbox user is a partner of their own), so its user, `oid` or `sub`.
 */
function callerOf(payload: JWTPayload): string {
  for (const claim of ['tid', 'oid', 'sub']) {
    const value = payload[claim];
    if (typeof value === 'string' && value !== '') return `${claim}:${value}`;
  }
  return 'anonymous';
}

/** Members that make a JWK private: a verifier needs none of them. */
const PRIVATE_MEMBERS = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k', 'priv']);

/** The public half of a key set (or of a single key), so a private signing key can be handed in safely. */
export function toPublicJwks(keys: JSONWebKeySet | JWK): JSONWebKeySet {
  const list: JWK[] = 'keys' in keys && Array.isArray(keys.keys) ? keys.keys : [keys as JWK];
  return {
    keys: list.map(
      (key) =>
        Object.fromEntries(
          Object.entries(key).filter(([name]) => !PRIVATE_MEMBERS.has(name)),
        ) as JWK,
    ),
  };
}

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** Access-token header types a verifier should accept: RFC 9068's and Entra ID's plain JWT. */
const ACCEPTED_TYPES = new Set(['at+jwt', 'application/at+jwt', 'jwt']);

function describeFailure(error: unknown, issuer: string): string {
  if (error instanceof errors.JWTExpired) return 'The access token has expired: sign in again';
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'iss':
        return `The access token was not issued by ${issuer}`;
      case 'aud':
        return `The access token is not for ${API_RESOURCE}`;
      case 'nbf':
        return 'The access token is not valid yet';
      default:
        return `The access token's ${error.claim} claim is not valid`;
    }
  }
  if (error instanceof errors.JOSEAlgNotAllowed)
    return 'The access token must be signed with RS256';
  if (error instanceof errors.JWKSNoMatchingKey) {
    return 'The access token is signed with a key this API does not trust';
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return "The access token's signature is not valid";
  }
  return 'The access token is not a valid JWT';
}

/**
 * Verifies `Authorization: Bearer <JWT>` as Partner Center would: signed by the identity provider's keys (RS256),
 * issuer and audience checked, not expired, delegated `scp` containing user_impersonation.
 */
export function createTokenVerifier(
  auth: SandboxAuth,
): (authorization: string | undefined) => Promise<AuthResult> {
  const keys = createLocalJWKSet(toPublicJwks(auth.jwks));
  const { issuer } = auth;
  return async (authorization) => {
    if (authorization === undefined || authorization.trim() === '') {
      return {
        ok: false,
        description: 'The request has no access token: send Authorization: Bearer <token>',
      };
    }
    const token = BEARER.exec(authorization)?.[1];
    if (token === undefined) {
      return {
        ok: false,
        description: 'The Authorization header must be Bearer followed by an access token',
      };
    }
    try {
      const { payload, protectedHeader } = await jwtVerify(token, keys, {
        issuer,
        audience: API_RESOURCE,
        algorithms: ['RS256'],
        requiredClaims: ['exp'],
      });
      const type = protectedHeader.typ?.toLowerCase();
      if (type !== undefined && !ACCEPTED_TYPES.has(type)) {
        return { ok: false, description: 'The token is not an access token' };
      }
      const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
      if (!scopes.includes(REQUIRED_SCOPE)) {
        return {
          ok: false,
          description: `The access token has no ${REQUIRED_SCOPE} scope (scp): request ${API_RESOURCE}/${REQUIRED_SCOPE}`,
        };
      }
      return { ok: true, caller: callerOf(payload) };
    } catch (error) {
      return { ok: false, description: describeFailure(error, issuer) };
    }
  };
}

/** A WWW-Authenticate value (RFC 6750); the description is reduced to the characters a quoted value allows. */
export function bearerChallenge(description: string): string {
  const safe = description.replace(/[^\x20-\x7e]|["\\]/g, "'");
  return `Bearer error="invalid_token", error_description="${safe}"`;
}
