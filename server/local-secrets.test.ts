import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, importJWK, jwtVerify, createLocalJWKSet } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CERT_FILE,
  KEY_FILE,
  SIGNING_KEY_FILE,
  ensureLocalSecrets,
  readSigningKey,
} from './local-secrets';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'referral-lens-secrets-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Each test makes RSA keys, which takes seconds on a busy 2-core machine: a longer time-out, same assertions.
describe('ensureLocalSecrets', { timeout: 30_000 }, () => {
  it('makes a localhost certificate whose key matches, on first run', async () => {
    const secrets = await ensureLocalSecrets(dir);

    expect(secrets.created.sort()).toEqual([CERT_FILE, KEY_FILE, SIGNING_KEY_FILE].sort());
    const cert = new X509Certificate(secrets.cert);
    expect(cert.subjectAltName).toContain('DNS:localhost');
    expect(cert.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(cert.checkPrivateKey(createPrivateKey(secrets.key))).toBe(true);
    expect(Date.parse(cert.validTo)).toBeGreaterThan(Date.now() + 300 * 24 * 60 * 60 * 1000);
    expect(await readFile(join(dir, CERT_FILE), 'utf8')).toBe(secrets.cert);
  });

  it('keeps the private key files readable by their owner only', async () => {
    await ensureLocalSecrets(dir);

    for (const file of [KEY_FILE, SIGNING_KEY_FILE]) {
      const { mode } = await stat(join(dir, file));
      expect(mode & 0o077).toBe(0);
    }
  });

  it('reuses everything on the next run, so tokens and the trusted certificate stay valid', async () => {
    const first = await ensureLocalSecrets(dir);
    const second = await ensureLocalSecrets(dir);

    expect(second.created).toEqual([]);
    expect(second.cert).toBe(first.cert);
    expect(second.signingKey).toEqual(first.signingKey);
  });

  it('agrees on one signing key when two processes start at once', async () => {
    const [a, b] = await Promise.all([ensureLocalSecrets(dir), ensureLocalSecrets(dir)]);

    expect(a.signingKey.kid).toBe(b.signingKey.kid);
    expect((await readSigningKey(join(dir, SIGNING_KEY_FILE)))?.kid).toBe(a.signingKey.kid);
  });

  it('publishes only the public half of the signing key, which verifies its signatures', async () => {
    const { signingKey, publicJwks } = await ensureLocalSecrets(dir);

    expect(publicJwks.keys).toHaveLength(1);
    expect(Object.keys(publicJwks.keys[0] ?? {}).sort()).toEqual(
      ['alg', 'e', 'kid', 'kty', 'n', 'use'].sort(),
    );
    const token = await new SignJWT({ scp: 'user_impersonation' })
      .setProtectedHeader({ alg: 'RS256', kid: signingKey.kid })
      .sign(await importJWK(signingKey, 'RS256'));
    const { payload } = await jwtVerify(token, createLocalJWKSet(publicJwks));
    expect(payload.scp).toBe('user_impersonation');
  });

  it('replaces a malformed signing key file and a certificate that does not match its key', async () => {
    const first = await ensureLocalSecrets(dir);
    await writeFile(join(dir, SIGNING_KEY_FILE), '{"kty":"RSA"');
    const other = await mkdtemp(join(tmpdir(), 'referral-lens-other-'));
    try {
      const foreign = await ensureLocalSecrets(other);
      await writeFile(join(dir, KEY_FILE), foreign.key);
    } finally {
      await rm(other, { recursive: true, force: true });
    }

    const second = await ensureLocalSecrets(dir);

    expect(second.created.sort()).toEqual([CERT_FILE, KEY_FILE, SIGNING_KEY_FILE].sort());
    expect(second.signingKey.kid).not.toBe(first.signingKey.kid);
    expect(new X509Certificate(second.cert).checkPrivateKey(createPrivateKey(second.key))).toBe(
      true,
    );
  });
});
