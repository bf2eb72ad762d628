import { createHash, randomBytes } from 'node:crypto';
import {
  createServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_RESOURCE, API_SCOPE } from '../../src/lib/referrals/schema';
import { ensureLocalSecrets, type LocalSecrets } from '../local-secrets';
import { SANDBOX_CLIENT_ID, createSandboxIdentityProvider } from './provider';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The whole authorization code flow with PKCE, as MSAL runs it, against the real provider.
// Plain http on 127.0.0.1 keeps the test free of certificates; `npm start` serves it over https.

const ACCESS_TOKEN_TTL = 120;

/** Just enough of a browser's cookie handling for one origin. */
class CookieJar {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      const expired = attributes.some(
        (a) => a.toLowerCase().startsWith('expires=') && Date.parse(a.slice(8)) < Date.now(),
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, { value, path });
    }
  }

  header(url: string): string {
    const { pathname } = new URL(url);
    return [...this.cookies]
      .filter(([, cookie]) => pathname.startsWith(cookie.path))
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join('; ');
  }
}

let server: Server;
let origin: string;
let issuer: string;
let appUrl: string;
let secrets: LocalSecrets;
let secretsDir: string;
const consoleLines: string[] = [];

beforeAll(async () => {
  for (const level of ['log', 'info', 'warn', 'error'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      consoleLines.push(args.map(String).join(' '));
    });
  }
  secretsDir = await mkdtemp(join(tmpdir(), 'referral-lens-idp-'));
  secrets = await ensureLocalSecrets(secretsDir);
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  issuer = `${origin}/oidc`;
  appUrl = `${origin}/`;
  const idp = await createSandboxIdentityProvider({
    issuer,
    appUrl,
    signingKey: secrets.signingKey,
    accessTokenTtlSeconds: ACCESS_TOKEN_TTL,
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) =>
    idp.middleware(req, res, () => res.writeHead(418).end('not the provider')),
  );
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(secretsDir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

interface Browser {
  jar: CookieJar;
  get(url: string): Promise<Response>;
  post(
    url: string,
    form: Record<string, string>,
    headers?: Record<string, string>,
  ): Promise<Response>;
}

function browser(): Browser {
  const jar = new CookieJar();
  const go = async (url: string, init: RequestInit) => {
    const absolute = new URL(url, origin).href;
    const response = await fetch(absolute, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: jar.header(absolute) },
    });
    jar.store(response);
    return response;
  };
  return {
    jar,
    get: (url) => go(url, { method: 'GET' }),
    post: (url, form, headers = {}) =>
      go(url, {
        method: 'POST',
        body: new URLSearchParams(form),
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      }),
  };
}

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

function authorizeUrl(challenge: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({
    client_id: SANDBOX_CLIENT_ID,
    redirect_uri: appUrl,
    response_type: 'code',
    scope: `${API_SCOPE} openid profile email`,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'state-1',
    nonce: 'nonce-1',
    ...extra,
  });
  return `${issuer}/auth?${params}`;
}

/** Runs sign-in up to the redirect back to the app; returns the authorization code. */
async function signIn(user: Browser, userName: string, challenge: string): Promise<string> {
  const start = await user.get(authorizeUrl(challenge));
  expect(start.status).toBe(303);
  const interaction = start.headers.get('location') ?? '';
  expect(interaction).toMatch(/^\/oidc\/interaction\/[\w-]+$/);

  const page = await user.get(interaction);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('<h1>Sandbox sign-in</h1>');
  const action = /<form method="post" action="([^"]+)">/.exec(html)?.[1] ?? '';
  expect(action).toBe(`${interaction}/login`);

  const submitted = await user.post(action, { username: userName });
  expect(submitted.status).toBe(303);
  const resumed = await user.get(submitted.headers.get('location') ?? '');
  expect(resumed.status).toBe(303);
  const back = new URL(resumed.headers.get('location') ?? '', origin);
  expect(`${back.origin}${back.pathname}`).toBe(appUrl);
  expect(back.searchParams.get('state')).toBe('state-1');
  return back.searchParams.get('code') ?? '';
}

async function redeem(user: Browser, code: string, verifier: string) {
  const response = await user.post(
    `${issuer}/token`,
    {
      grant_type: 'authorization_code',
      client_id: SANDBOX_CLIENT_ID,
      redirect_uri: appUrl,
      code,
      code_verifier: verifier,
    },
    { origin },
  );
  expect(response.status).toBe(200);
  return (await response.json()) as {
    access_token: string;
    id_token: string;
    refresh_token?: string;
    expires_in: number;
    token_type: string;
  };
}

describe('sandbox identity provider', () => {
  it('publishes discovery under /oidc with the endpoints the browser config names', async () => {
    const response = await fetch(`${issuer}/.well-known/openid-configuration`);
    const discovery = (await response.json()) as Record<string, unknown>;

    expect(discovery).toMatchObject({
      issuer,
      authorization_endpoint: `${issuer}/auth`,
      token_endpoint: `${issuer}/token`,
      end_session_endpoint: `${issuer}/session/end`,
      jwks_uri: `${issuer}/jwks`,
    });
    const jwks = (await (await fetch(`${issuer}/jwks`)).json()) as { keys: { kid: string }[] };
    expect(jwks.keys.map((key) => key.kid)).toEqual([secrets.signingKey.kid]);
    expect(JSON.stringify(jwks)).not.toContain('"d"');
  });

  it("writes every URL from the configured issuer, never from the request's Host", async () => {
    const discovery = await new Promise<string>((resolve, reject) => {
      const { port } = server.address() as AddressInfo;
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/oidc/.well-known/openid-configuration',
          headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' },
        },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve(body));
        },
      );
      req.on('error', reject).end();
    });

    expect(discovery).not.toContain('evil.example');
    const urls = Object.values(JSON.parse(discovery) as Record<string, unknown>).filter(
      (value): value is string => typeof value === 'string' && value.startsWith('http'),
    );
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(new URL(url).origin).toBe(origin);
  });

  it('signs in any name with PKCE, without a consent page, and issues Partner Center-shaped tokens', async () => {
    const user = browser();
    const { verifier, challenge } = pkce();
    const code = await signIn(user, 'Ada Lovelace', challenge);
    const tokens = await redeem(user, code, verifier);

    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.expires_in).toBe(ACCESS_TOKEN_TTL);
    expect(decodeProtectedHeader(tokens.access_token)).toMatchObject({
      alg: 'RS256',
      typ: 'at+jwt',
      kid: secrets.signingKey.kid,
    });
    const { payload: access } = await jwtVerify(
      tokens.access_token,
      createLocalJWKSet(secrets.publicJwks),
      { issuer, audience: API_RESOURCE },
    );
    expect(access).toMatchObject({
      scp: 'user_impersonation',
      azp: SANDBOX_CLIENT_ID,
      client_id: SANDBOX_CLIENT_ID,
      scope: expect.stringContaining(API_SCOPE),
      name: 'Ada Lovelace',
      preferred_username: 'ada.lovelace@sandbox.referral-lens.test',
    });
    expect((access.exp ?? 0) - (access.iat ?? 0)).toBe(ACCESS_TOKEN_TTL);

    const { payload: id } = await jwtVerify(
      tokens.id_token,
      createLocalJWKSet(secrets.publicJwks),
      {
        issuer,
        audience: SANDBOX_CLIENT_ID,
      },
    );
    expect(id).toMatchObject({
      nonce: 'nonce-1',
      name: 'Ada Lovelace',
      preferred_username: 'ada.lovelace@sandbox.referral-lens.test',
      email: 'ada.lovelace@sandbox.referral-lens.test',
      sub: access.sub,
    });
  });

  it('refreshes the access token with the refresh token, as MSAL does silently', async () => {
    const user = browser();
    const { verifier, challenge } = pkce();
    const tokens = await redeem(user, await signIn(user, 'Grace Hopper', challenge), verifier);
    expect(tokens.refresh_token).toEqual(expect.any(String));

    const refreshed = await user.post(
      `${issuer}/token`,
      {
        grant_type: 'refresh_token',
        client_id: SANDBOX_CLIENT_ID,
        refresh_token: tokens.refresh_token ?? '',
        scope: `${API_SCOPE} openid profile email`,
      },
      { origin },
    );
    expect(refreshed.status).toBe(200);
    const renewed = (await refreshed.json()) as { access_token: string; refresh_token: string };
    const { payload } = await jwtVerify(
      renewed.access_token,
      createLocalJWKSet(secrets.publicJwks),
      { issuer, audience: API_RESOURCE },
    );
    expect(payload).toMatchObject({ scp: 'user_impersonation', name: 'Grace Hopper' });
    // Public clients get a new refresh token each time (rotation), as with Entra ID.
    expect(renewed.refresh_token).not.toBe(tokens.refresh_token);
  });

  it('signs in again silently while the session lasts (prompt=none), as MSAL does in its iframe', async () => {
    const user = browser();
    const first = pkce();
    await signIn(user, 'Alan Turing', first.challenge);

    const second = pkce();
    const silent = await user.get(authorizeUrl(second.challenge, { prompt: 'none' }));

    expect(silent.status).toBe(303);
    const back = new URL(silent.headers.get('location') ?? '', origin);
    expect(back.searchParams.get('code')).toEqual(expect.any(String));
  });

  it('shows the sign-in page again for "sign in with another account" (prompt=select_account)', async () => {
    const user = browser();
    await signIn(user, 'Alan Turing', pkce().challenge);

    const again = await user.get(authorizeUrl(pkce().challenge, { prompt: 'select_account' }));

    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toMatch(/^\/oidc\/interaction\//);
  });

  it('explains an empty user name on the page and keeps the form', async () => {
    const user = browser();
    const start = await user.get(authorizeUrl(pkce().challenge));
    const interaction = start.headers.get('location') ?? '';

    const answer = await user.post(`${interaction}/login`, { username: '   ' });

    expect(answer.status).toBe(400);
    const html = await answer.text();
    expect(html).toContain(
      '<p id="username-error" class="error" role="alert">Enter a user name.</p>',
    );
    expect(html).toContain('aria-invalid="true"');
  });

  it('escapes what the user typed and the login hint', async () => {
    const user = browser();
    const attack = '"><script>alert(1)</script>';
    const start = await user.get(authorizeUrl(pkce().challenge, { login_hint: attack }));
    const interaction = start.headers.get('location') ?? '';

    const page = await (await user.get(interaction)).text();
    const rejected = await (
      await user.post(`${interaction}/login`, { username: `${attack}\u0007` })
    ).text();

    for (const html of [page, rejected]) {
      expect(html).not.toContain('<script>alert(1)</script>');
      expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });

  it('answers an expired or unknown sign-in page with an explanation, not a crash', async () => {
    const response = await browser().get('/oidc/interaction/not-a-real-one');

    expect(response.status).toBe(400);
    expect(await response.text()).toContain('This sign-in page has expired');
  });

  it('signs out with the ID token hint and returns to the app', async () => {
    const user = browser();
    const { verifier, challenge } = pkce();
    const tokens = await redeem(user, await signIn(user, 'Ada Lovelace', challenge), verifier);

    const confirm = await user.get(
      `${issuer}/session/end?${new URLSearchParams({
        id_token_hint: tokens.id_token,
        post_logout_redirect_uri: appUrl,
      })}`,
    );
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    expect(html).toContain('<h1>Signing out…</h1>');
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1] ?? '';
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

    const done = await user.post(action, { xsrf, logout: 'yes' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(appUrl);

    // The provider session is gone: a silent sign-in now needs the user.
    const silent = await user.get(authorizeUrl(pkce().challenge, { prompt: 'none' }));
    expect(new URL(silent.headers.get('location') ?? '', origin).searchParams.get('error')).toBe(
      'login_required',
    );
  });

  it('passes requests outside its path to the next handler', async () => {
    const response = await fetch(`${origin}/oidcx`);
    expect(response.status).toBe(418);
  });

  it('prints nothing of its own: no default-function notices, no runtime warning', () => {
    expect(consoleLines.filter((line) => line.includes('oidc-provider'))).toEqual([]);
  });
});
