import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, importJWK } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { API_RESOURCE } from '../src/lib/referrals/schema';
import { appUrlFor, startAppRuntime, type AppRuntime, type RuntimeLog } from './app-runtime';
import { parseSettings } from './config';
import { readSigningKey, SIGNING_KEY_FILE } from './local-secrets';

const LIVE = {
  REFERRAL_LENS_MODE: 'live',
  ENTRA_CLIENT_ID: '8f0c2a4e-1b7d-4c1e-9a53-2f1d7b6e9c01',
  ENTRA_AUTHORITY: 'https://login.microsoftonline.com/organizations',
};

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

function quietLog(): RuntimeLog & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (line) => lines.push(line), error: (line) => lines.push(line) };
}

async function serve(runtime: AppRuntime): Promise<string> {
  const server: Server = createServer((req, res) =>
    runtime.middleware(req, res, () => res.writeHead(299).end()),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The sandbox-mode runtime for `env`, served on a loopback port; everything is removed after the test. */
async function serveSandbox(env: Record<string, string>) {
  const secretsDir = await mkdtemp(join(tmpdir(), 'referral-lens-runtime-'));
  cleanups.push(() => rm(secretsDir, { recursive: true, force: true }));
  const log = quietLog();
  const runtime = await startAppRuntime(parseSettings(env), { log, secretsDir });
  cleanups.push(() => runtime.close());
  return { runtime, origin: await serve(runtime), log, secretsDir };
}

describe('appUrlFor', () => {
  it('is https://localhost:<PORT>/ in sandbox mode', () => {
    expect(appUrlFor(parseSettings({ PORT: '4443' }))).toBe('https://localhost:4443/');
  });

  it("is the redirect URI's origin in live mode on localhost", () => {
    expect(
      appUrlFor(parseSettings({ ...LIVE, ENTRA_REDIRECT_URI: 'http://localhost:3000/' })),
    ).toBe('http://localhost:3000/');
  });
});

describe('startAppRuntime', () => {
  it('in sandbox mode, proxies to a sandbox that accepts the local provider’s tokens', async () => {
    const { runtime, origin, log, secretsDir } = await serveSandbox({
      PORT: '4999',
      SANDBOX_COUNT: '500',
      SANDBOX_ANCHOR_DATE: '2026-03-31',
    });
    const signingKey = await readSigningKey(join(secretsDir, SIGNING_KEY_FILE));
    if (!signingKey) throw new Error('no signing key was made');
    // A token as the provider would issue it, signed with the persisted key.
    const token = await new SignJWT({ scp: 'user_impersonation', azp: 'referral-lens-sandbox' })
      .setProtectedHeader({ alg: 'RS256', kid: signingKey.kid, typ: 'at+jwt' })
      .setIssuer('https://localhost:4999/oidc')
      .setAudience(API_RESOURCE)
      .setSubject('user-1')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(await importJWK(signingKey, 'RS256'));

    const answer = await fetch(`${origin}/api/partner/v1/analytics/referrals?top=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const anonymous = await fetch(`${origin}/api/partner/v1/analytics/referrals?top=1`);
    const discovery = await fetch(`${origin}/oidc/.well-known/openid-configuration`);

    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { TotalCount: number }).TotalCount).toBe(500);
    expect(anonymous.status).toBe(401);
    expect(discovery.status).toBe(200);
    expect(runtime.tls?.cert).toContain('BEGIN CERTIFICATE');
    expect(runtime.browserConfig).toMatchObject({
      mode: 'sandbox',
      authority: 'https://localhost:4999/oidc/',
    });
    expect(log.lines).toContainEqual(
      expect.stringMatching(
        /^Sandbox Partner Center API at http:\/\/127\.0\.0\.1:\d+: 500 referrals \(seed 1, ending 2026-03-31\), faults refused\.$/,
      ),
    );
    // Requests are logged once, by the proxy, without query or token.
    expect(log.lines).toContainEqual(
      expect.stringMatching(/^GET \/api\/partner\/v1\/analytics\/referrals 200 \d+ ms request-id=/),
    );
    expect(log.lines.join('\n')).not.toContain(token);
    expect(log.lines.join('\n')).not.toContain('top=1');
  });

  it('in sandbox mode, delays every answer by SANDBOX_LATENCY_MS and says so', async () => {
    const { origin, log } = await serveSandbox({
      PORT: '4999',
      SANDBOX_COUNT: '50',
      SANDBOX_LATENCY_MS: '300',
    });

    const started = performance.now();
    // Unsigned: the sandbox still waits before it answers, whatever the answer.
    const answer = await fetch(`${origin}/api/partner/v1/analytics/referrals?top=1`);
    expect(answer.status).toBe(401);
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    expect(log.lines).toContainEqual(
      expect.stringMatching(/faults refused, every answer delayed 300 ms\.$/),
    );
  });

  it('in live mode, runs no identity provider and proxies to the configured Partner Center URL', async () => {
    const upstream = createServer((req, res) => {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ url: req.url }));
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => upstream.close(resolve)));
    const runtime = await startAppRuntime(
      parseSettings({
        ...LIVE,
        ENTRA_REDIRECT_URI: 'http://localhost:3000/',
        PARTNER_CENTER_BASE_URL: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
      }),
      { log: quietLog() },
    );
    const origin = await serve(runtime);

    const answer = await fetch(`${origin}/api/partner/v1/analytics/referrals?top=5`);
    const oidc = await fetch(`${origin}/oidc/.well-known/openid-configuration`);

    expect(await answer.json()).toEqual({ url: '/partner/v1/analytics/referrals?top=5' });
    expect(oidc.status).toBe(299);
    expect(runtime.tls).toBeNull();
    expect(runtime.browserConfig).toMatchObject({ mode: 'live', protocolMode: 'AAD' });
  });
});
