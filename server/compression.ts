import {
  constants,
  createBrotliCompress,
  createGzip,
  type BrotliCompress,
  type Gzip,
} from 'node:zlib';

// Response compression for the analytics proxy (on the fly) and the built app's files (compressed once at build
// time, server/precompress-assets.ts). No dependency: node:zlib has both codings.
//
// BREACH: compressing a response that reflects attacker-chosen input next to a secret lets the attacker guess the
// secret from the compressed length. Neither kind of answer holds a secret: the analytics answers are the signed-in
// partner's own referral data (no token, no CSRF token, no session id; the bearer token travels only in the request),
// and the app's files are public. Keep it that way: never put a secret in a compressed answer.

export type ContentCoding = 'br' | 'gzip';

/** In order of preference at equal quality: brotli is about a fifth smaller on JSON. */
const OFFERED: readonly ContentCoding[] = ['br', 'gzip'];

/** Below this size a compressed answer saves less than its framing and CPU cost. */
export const MIN_COMPRESSIBLE_BYTES = 1024;

/**
 * The coding to answer with for an `Accept-Encoding` header (RFC 9110 §12.5.3): the acceptable one with the highest
 * q-value, brotli before gzip at equal q, `*` standing for every coding not named; null for identity.
 */
export function negotiateContentCoding(acceptEncoding: string | undefined): ContentCoding | null {
  if (!acceptEncoding) return null;
  const quality = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [rawName, ...params] = part.split(';');
    const name = rawName!.trim().toLowerCase();
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.split('=').map((s) => s.trim());
      if (key?.toLowerCase() === 'q') {
        const parsed = Number(value);
        q = value && Number.isFinite(parsed) ? Math.min(Math.max(parsed, 0), 1) : 0;
      }
    }
    // `x-gzip` is gzip's old alias (RFC 9110 §8.4.1.3).
    quality.set(name === 'x-gzip' ? 'gzip' : name, q);
  }
  let best: ContentCoding | null = null;
  let bestQ = 0;
  for (const coding of OFFERED) {
    const q = quality.get(coding) ?? quality.get('*') ?? 0;
    if (q > bestQ) {
      best = coding;
      bestQ = q;
    }
  }
  return best;
}

/** Text-like types only: images, fonts, archives and the like are compressed already. */
export function isCompressibleType(contentType: string | null | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';', 1)[0]!.trim().toLowerCase();
  return (
    type.startsWith('text/') ||
    /^application\/(.+\+)?(json|xml)$/.test(type) ||
    type === 'application/javascript' ||
    type === 'application/manifest+json' ||
    type === 'image/svg+xml'
  );
}

/**
 * A streaming encoder for an answer being relayed. Brotli at quality 5 compresses JSON nearly as well as its
 * maximum (11) at a small fraction of the CPU time, which matters for answers compressed on every request.
 */
export function createEncoder(coding: ContentCoding): BrotliCompress | Gzip {
  if (coding === 'gzip') return createGzip({ level: 6 });
  return createBrotliCompress({
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 5,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
}
