import { X509Certificate, createPrivateKey, randomUUID } from 'node:crypto';
import { link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { generate } from 'selfsigned';
import { z } from 'zod';

/** `.local/` at the repository root: git-ignored, made on first run, kept across restarts. */
export const DEFAULT_SECRETS_DIR = fileURLToPath(new URL('../.local/', import.meta.url));

export const CERT_FILE = 'localhost-cert.pem';
export const KEY_FILE = 'localhost-key.pem';
/** A private RS256 JWK (with `kid`, `alg`, `use`) the sandbox identity provider signs tokens with. */
export const SIGNING_KEY_FILE = 'signing-key.json';

const CERT_LIFETIME_DAYS = 365;
// Renew a little before expiry so a long-running dev server never serves an expired certificate.
const CERT_RENEW_BEFORE_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

const privateRsaJwkSchema = z.looseObject({
  kty: z.literal('RSA'),
  kid: z.string().min(1),
  alg: z.literal('RS256'),
  use: z.literal('sig'),
  n: z.string().min(1),
  e: z.string().min(1),
  d: z.string().min(1),
  p: z.string().min(1),
  q: z.string().min(1),
  dp: z.string().min(1),
  dq: z.string().min(1),
  qi: z.string().min(1),
});

export type PrivateSigningJwk = z.infer<typeof privateRsaJwkSchema>;

export interface PublicJwks {
  keys: JWK[];
}

export interface LocalSecrets {
  /** PEM certificate for localhost (SAN DNS:localhost, IP:127.0.0.1, IP:::1). */
  cert: string;
  /** PEM (PKCS#8) private key of `cert`. */
  key: string;
  signingKey: PrivateSigningJwk;
  /** The public half of `signingKey`, as the identity provider publishes it. */
  publicJwks: PublicJwks;
  /** Which files were made on this run (empty when everything was reused). */
  created: string[];
}

/**
 * Makes (on first run) or reads the certificate, its key and the token signing key in `dir`.
 * Files are written to a temporary name and linked into place, so two processes starting at
 * once never read a half-written file and the first writer wins.
 */
export async function ensureLocalSecrets(dir: string = DEFAULT_SECRETS_DIR): Promise<LocalSecrets> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const created: string[] = [];

  let pair = await readCertificatePair(dir);
  if (!pair) {
    const fresh = await makeCertificatePair();
    // A pair left half-replaced by a concurrent start fails the key check next time and is remade.
    await replaceFile(join(dir, KEY_FILE), fresh.key);
    await replaceFile(join(dir, CERT_FILE), fresh.cert);
    created.push(CERT_FILE, KEY_FILE);
    pair = fresh;
  }

  const { signingKey, created: madeSigningKey } = await ensureSigningKey(
    join(dir, SIGNING_KEY_FILE),
  );
  if (madeSigningKey) created.push(SIGNING_KEY_FILE);

  return { ...pair, signingKey, publicJwks: toPublicJwks(signingKey), created };
}

async function ensureSigningKey(
  path: string,
): Promise<{ signingKey: PrivateSigningJwk; created: boolean }> {
  const existing = await readSigningKey(path);
  if (existing) return { signingKey: existing, created: false };
  const fresh = await makeSigningKey();
  const text = JSON.stringify(fresh, null, 2);
  // Exclusive when absent, so concurrent first runs agree on one key.
  if (await publishExclusively(path, text)) return { signingKey: fresh, created: true };
  const winner = await readSigningKey(path);
  if (winner) return { signingKey: winner, created: false };
  // Present but malformed: replace it.
  await replaceFile(path, text);
  return { signingKey: fresh, created: true };
}

/** Reads a signing key file written by {@link ensureLocalSecrets}; null when missing or malformed. */
export async function readSigningKey(path: string): Promise<PrivateSigningJwk | null> {
  const text = await readIfExists(path);
  if (text === null) return null;
  try {
    const parsed = privateRsaJwkSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The public key set for a private signing JWK: only the public members are copied. */
export function toPublicJwks(signingKey: PrivateSigningJwk): PublicJwks {
  const { kty, n, e, kid, alg, use } = signingKey;
  return { keys: [{ kty, n, e, kid, alg, use }] };
}

async function readCertificatePair(dir: string): Promise<{ cert: string; key: string } | null> {
  const [cert, key] = await Promise.all([
    readIfExists(join(dir, CERT_FILE)),
    readIfExists(join(dir, KEY_FILE)),
  ]);
  if (cert === null || key === null) return null;
  try {
    const x509 = new X509Certificate(cert);
    const renewAt = Date.parse(x509.validTo) - CERT_RENEW_BEFORE_DAYS * DAY_MS;
    if (Date.now() >= renewAt) return null;
    if (!x509.checkPrivateKey(createPrivateKey(key))) return null;
    return { cert, key };
  } catch {
    return null;
  }
}

async function makeCertificatePair(): Promise<{ cert: string; key: string }> {
  const notBeforeDate = new Date(Date.now() - DAY_MS);
  const notAfterDate = new Date(Date.now() + CERT_LIFETIME_DAYS * DAY_MS);
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'rsa',
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

async function makeSigningKey(): Promise<PrivateSigningJwk> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return privateRsaJwkSchema.parse({ ...jwk, kid, alg: 'RS256', use: 'sig' });
}

/** Writes `text` to `path` only if it does not exist yet; false when another writer was first. */
async function publishExclusively(path: string, text: string): Promise<boolean> {
  const temporary = temporaryName(path);
  await writeFile(temporary, text, { mode: 0o600 });
  try {
    await link(temporary, path);
    return true;
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false;
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
}

/** Replaces `path` atomically: readers see the old or the new content, never a part. */
async function replaceFile(path: string, text: string): Promise<void> {
  const temporary = temporaryName(path);
  await writeFile(temporary, text, { mode: 0o600 });
  await rename(temporary, path);
}

function temporaryName(path: string): string {
  return `${path}.${process.pid}.${randomUUID()}.tmp`;
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null;
    throw error;
  }
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
