import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_CONTENT_SECURITY_POLICY } from '../idp/pages';
import { HSTS, appContentSecurityPolicy, createSecurityHeaders } from './headers';

/** The policy as directive -> sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('appContentSecurityPolicy', () => {
  it('is strict for the built app in sandbox mode: this origin only, no inline script', () => {
    const policy = directives(appContentSecurityPolicy({ authorityOrigin: null }));
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('frame-src')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });

  it('lets MSAL reach the Entra authority in live mode, and frames nothing', () => {
    const policy = directives(
      appContentSecurityPolicy({ authorityOrigin: 'https://login.microsoftonline.com' }),
    );
    expect(policy.get('connect-src')).toEqual(["'self'", 'https://login.microsoftonline.com']);
    expect(policy.get('frame-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
  });

  it("adds Vite's nonce under npm start only", () => {
    const policy = directives(appContentSecurityPolicy({ authorityOrigin: null, devNonce: 'abc' }));
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc'"]);
    expect(policy.get('style-src')).toEqual(["'self'", "'nonce-abc'"]);
  });
});

describe("the identity provider's pages", () => {
  it('allow their own style sheet and script by hash, nothing inline by default', () => {
    const policy = directives(PAGE_CONTENT_SECURITY_POLICY);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('style-src')).toEqual([expect.stringMatching(/^'sha256-[A-Za-z0-9+/]+=*'$/)]);
    expect(policy.get('script-src')).toEqual([
      expect.stringMatching(/^'sha256-[A-Za-z0-9+/]+=*'$/),
    ]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(PAGE_CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  });
});

let server: Server;
let port: number;

beforeAll(async () => {
  const headers = createSecurityHeaders({
    appPolicy: 'app-policy',
    ownPolicies: [{ pathPrefix: '/oidc', policy: 'idp-policy' }],
    https: true,
  });
  server = createServer((req, res) => headers(req, res, () => res.end('ok')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

function headersFor(path: string, host: string) {
  return new Promise<Record<string, unknown>>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.headers);
    });
    req.on('error', reject).end();
  });
}

describe('createSecurityHeaders', () => {
  it('sends HSTS over https to a real host name, never to localhost', async () => {
    expect((await headersFor('/', 'lens.example.com'))['strict-transport-security']).toBe(HSTS);
    expect((await headersFor('/', 'localhost:5173'))['strict-transport-security']).toBeUndefined();
    expect((await headersFor('/', '127.0.0.1'))['strict-transport-security']).toBeUndefined();
  });

  it("gives the identity provider's paths their own policy and the rest the app's", async () => {
    expect((await headersFor('/oidc/auth', 'localhost'))['content-security-policy']).toBe(
      'idp-policy',
    );
    expect((await headersFor('/oidcx', 'localhost'))['content-security-policy']).toBe('app-policy');
    expect((await headersFor('/referrals', 'localhost'))['content-security-policy']).toBe(
      'app-policy',
    );
  });
});
