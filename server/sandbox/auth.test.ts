import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERRALS_PATH } from '../../src/lib/referrals/schema';
import { startSandbox, type RunningSandbox } from './index';
import { readJwksFile } from './jwks-file';
import { createTestKey, signAccessToken, TEST_ISSUER, type TestKey } from './test-tokens';

let key: TestKey;
let sandbox: RunningSandbox;

beforeAll(async () => {
  key = await createTestKey();
  // The identity provider hands over its private signing key: the sandbox must use only its public half.
  sandbox = await startSandbox({
    auth: { issuer: TEST_ISSUER, jwks: { keys: [key.privateJwk] } },
    count: 500,
    anchorDate: '2026-03-01',
  });
});

afterAll(() => sandbox.close());

function get(headers: Record<string, string> = {}) {
  return fetch(`${sandbox.url}${REFERRALS_PATH}?top=5`, { headers });
}

async function expectRejected(response: Response, description: RegExp, token?: string) {
  expect(response.status).toBe(401);
  const challenge = response.headers.get('www-authenticate') ?? '';
  expect(challenge).toMatch(/^Bearer error="invalid_token", error_description="[^"\\]*"$/);
  const body = (await response.json()) as {
    code: unknown;
    description: string;
    data: unknown;
    source: unknown;
  };
  expect(body).toMatchObject({ code: 401, data: [], source: 'PartnerFD' });
  expect(body.description).toMatch(description);
  if (token) {
    expect(JSON.stringify(body)).not.toContain(token);
    expect(challenge).not.toContain(token);
  }
}

describe('sandbox auth on', () => {
  it('answers a valid delegated token', async () => {
    const response = await get({ Authorization: `Bearer ${await signAccessToken(key)}` });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { Value: unknown[]; TotalCount: number };
    expect(body.Value).toHaveLength(5);
    expect(body.TotalCount).toBe(500);
  });

  it('accepts a plain JWT type as Entra ID sends, and several scopes', async () => {
    const token = await signAccessToken(key, {
      typ: 'JWT',
      claims: { scp: 'openid user_impersonation' },
    });
    expect((await get({ Authorization: `bearer ${token}` })).status).toBe(200);
  });

  it('refuses a request without a token', async () => {
    await expectRejected(await get(), /no access token/);
  });

  it('refuses another scheme', async () => {
    await expectRejected(await get({ Authorization: 'Basic dXNlcjpwYXNz' }), /must be Bearer/);
  });

  it('refuses an expired token', async () => {
    const token = await signAccessToken(key, { expiresInSeconds: -60 });
    await expectRejected(await get({ Authorization: `Bearer ${token}` }), /expired/, token);
  });

  it('refuses a token without an expiry', async () => {
    const token = await signAccessToken(key, { omit: ['exp'] });
    await expectRejected(await get({ Authorization: `Bearer ${token}` }), /exp/, token);
  });

  it('refuses a token for another audience', async () => {
    const token = await signAccessToken(key, { claims: { aud: 'https://graph.microsoft.com' } });
    await expectRejected(
      await get({ Authorization: `Bearer ${token}` }),
      /not for https:\/\/api\.partnercenter/,
    );
  });

  it('refuses a token from another issuer', async () => {
    const token = await signAccessToken(key, { claims: { iss: 'https://evil.example/oidc' } });
    await expectRejected(await get({ Authorization: `Bearer ${token}` }), /not issued by/);
  });

  it('refuses a token without user_impersonation in scp', async () => {
    const missing = await signAccessToken(key, { omit: ['scp'] });
    await expectRejected(await get({ Authorization: `Bearer ${missing}` }), /user_impersonation/);
    const other = await signAccessToken(key, { claims: { scp: 'User.Read user_impersonationX' } });
    await expectRejected(await get({ Authorization: `Bearer ${other}` }), /user_impersonation/);
  });

  it('refuses a token signed by a key it does not trust', async () => {
    const stranger = await createTestKey('stranger');
    const unknownKid = await signAccessToken(stranger);
    await expectRejected(
      await get({ Authorization: `Bearer ${unknownKid}` }),
      /key this API does not trust/,
    );
    const sameKid = await signAccessToken({ ...stranger, kid: key.kid });
    await expectRejected(await get({ Authorization: `Bearer ${sameKid}` }), /signature/);
  });

  it('refuses a token signed with a shared secret (HS256)', async () => {
    const token = await new SignJWT({ iss: TEST_ISSUER, scp: 'user_impersonation' })
      .setProtectedHeader({ alg: 'HS256', kid: key.kid })
      .setAudience('https://api.partnercenter.microsoft.com')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('a-shared-secret-that-is-long-enough!'));
    await expectRejected(await get({ Authorization: `Bearer ${token}` }), /RS256/, token);
  });

  it('refuses an ID token and garbage', async () => {
    const idToken = await signAccessToken(key, { typ: 'id_token+jwt' });
    await expectRejected(await get({ Authorization: `Bearer ${idToken}` }), /not an access token/);
    await expectRejected(await get({ Authorization: 'Bearer not.a.jwt' }), /not a valid JWT/);
  });

  it('checks the token before any fault or query error', async () => {
    const response = await fetch(`${sandbox.url}${REFERRALS_PATH}?top=0`, {
      headers: { 'x-sandbox-fault': '500' },
    });
    await expectRejected(response, /no access token/);
  });
});

describe('readJwksFile', () => {
  it('reads a private JWK or a JWKS and keeps only public members', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-jwks-'));
    const single = join(dir, 'signing-key.json');
    await writeFile(single, JSON.stringify(key.privateJwk));
    const set = join(dir, 'jwks.json');
    await writeFile(set, JSON.stringify({ keys: [key.privateJwk] }));
    for (const path of [single, set]) {
      const jwks = await readJwksFile(path);
      expect(jwks.keys).toHaveLength(1);
      expect(jwks.keys[0]).toMatchObject({
        kty: 'RSA',
        kid: key.kid,
        n: key.privateJwk.n,
        e: 'AQAB',
      });
      expect(jwks.keys[0]).not.toHaveProperty('d');
      expect(jwks.keys[0]).not.toHaveProperty('p');
    }
  });

  it('says what is wrong with a file that is not a key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-jwks-'));
    const notJson = join(dir, 'a.json');
    await writeFile(notJson, 'nope');
    await expect(readJwksFile(notJson)).rejects.toThrow(/is not JSON/);
    const noKeys = join(dir, 'b.json');
    await writeFile(noKeys, '{"keys":[]}');
    await expect(readJwksFile(noKeys)).rejects.toThrow(/holds no keys/);
    const notKey = join(dir, 'c.json');
    await writeFile(notKey, '{"hello":"world"}');
    await expect(readJwksFile(notKey)).rejects.toThrow(/not a JWK/);
    await expect(readJwksFile(join(dir, 'missing.json'))).rejects.toThrow(/ENOENT/);
  });
});
