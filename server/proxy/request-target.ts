import { posix } from 'node:path';
import { REFERRALS_PATH } from '../../src/lib/referrals/schema';

/** The browser's only API route: the analytics path under our own `/api` prefix. */
export const API_PREFIX = '/api';
export const REFERRALS_ROUTE = `${API_PREFIX}${REFERRALS_PATH}`;

export type RequestTarget =
  /** Exactly the referrals route; `search` is the raw query string (with its `?`) or ''. */
  | { kind: 'referrals'; search: string }
  /** Under `/api` (however spelled or encoded) but not the referrals route. */
  | { kind: 'api' }
  /** An absolute-form, authority-form or `//host` request target: never ours to follow. */
  | { kind: 'foreign' }
  /** Anything else: the app, the identity provider, Vite. */
  | { kind: 'other' };

// Enough rounds to see through double and triple encoding; more is an attack, not a client.
const MAX_DECODE_ROUNDS = 4;

/**
 * Classifies a raw HTTP request target. Only a byte-exact match of the referrals route is
 * forwarded; anything that decodes or normalises to a path under `/api` is refused, so encoded
 * traversal (`..%2F`, `%2e%2e`, double encoding, backslashes) cannot reach another upstream path.
 */
export function classifyTarget(rawTarget: string): RequestTarget {
  if (!rawTarget.startsWith('/') || rawTarget.startsWith('//')) return { kind: 'foreign' };
  const queryStart = rawTarget.indexOf('?');
  const rawPath = queryStart === -1 ? rawTarget : rawTarget.slice(0, queryStart);
  const search = queryStart === -1 ? '' : rawTarget.slice(queryStart);

  if (rawPath === REFERRALS_ROUTE) return { kind: 'referrals', search };
  if (isUnderApi(rawPath.toLowerCase())) return { kind: 'api' };

  const normalised = normalisePath(rawPath);
  if (normalised === null) return { kind: 'other' };
  if (normalised.startsWith('//')) return { kind: 'foreign' };
  return isUnderApi(normalised.toLowerCase()) ? { kind: 'api' } : { kind: 'other' };
}

function isUnderApi(path: string): boolean {
  return path === API_PREFIX || path.startsWith(`${API_PREFIX}/`);
}

/** Fully decodes, turns backslashes into slashes and resolves dot segments; null if malformed. */
function normalisePath(rawPath: string): string | null {
  let path = rawPath;
  for (let round = 0; round < MAX_DECODE_ROUNDS; round += 1) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return null;
    }
    if (decoded === path) break;
    path = decoded;
  }
  const slashed = path.replaceAll('\\', '/');
  // Keep a leading `//` visible (a protocol-relative host); collapse the rest.
  const leadingDouble = slashed.startsWith('//');
  const resolved = posix.normalize(slashed.replace(/\/{2,}/g, '/'));
  return leadingDouble ? `/${resolved}` : resolved;
}
