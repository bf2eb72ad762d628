import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSettings } from '../config';
import { allowedHostsFor, createHostCheck, requestHostName } from './host-check';

const LIVE = {
  REFERRAL_LENS_MODE: 'live',
  ENTRA_CLIENT_ID: '00000000-0000-0000-0000-000000000001',
  ENTRA_AUTHORITY: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',
  ENTRA_REDIRECT_URI: 'https://lens.contoso.com/',
};

describe('allowedHostsFor', () => {
  it('is the loopback names in sandbox mode, plus ALLOWED_HOSTS', () => {
    expect(allowedHostsFor(parseSettings({}))).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(allowedHostsFor(parseSettings({ ALLOWED_HOSTS: 'Lens.Example' }))).toContain(
      'lens.example',
    );
  });

  it("adds the redirect URI's host in live mode", () => {
    expect(allowedHostsFor(parseSettings(LIVE))).toEqual([
      'localhost',
      '127.0.0.1',
      '[::1]',
      'lens.contoso.com',
    ]);
  });
});

describe('requestHostName', () => {
  const named = (headers: Record<string, string>) =>
    requestHostName({ headers } as unknown as Parameters<typeof requestHostName>[0]);

  it("reads HTTP/2's :authority before Host", () => {
    expect(named({ ':authority': 'evil.example:443', host: 'localhost' })).toBe('evil.example');
    expect(named({ ':authority': 'LOCALHOST:5173' })).toBe('localhost');
    expect(named({ host: '[::1]:5173' })).toBe('[::1]');
  });

  it('is null for a missing or malformed name', () => {
    expect(named({})).toBeNull();
    expect(named({ host: 'a b' })).toBeNull();
    expect(named({ host: 'user@localhost' })).toBeNull();
  });
});

let server: Server;
let port: number;
let reached = 0;

beforeAll(async () => {
  const check = createHostCheck(['localhost', '127.0.0.1', '[::1]', 'lens.contoso.com']);
  server = createServer((req, res) =>
    check(req, res, () => {
      reached += 1;
      res.end('handled');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

/** A request with exactly this Host header (or none), as a raw client sends it. */
function withHost(host: string | null): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', setHost: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    if (host !== null) req.setHeader('host', host);
    req.on('error', reject);
    req.end();
  });
}

describe('createHostCheck', () => {
  it.each([
    'localhost',
    `localhost:${5173}`,
    'LOCALHOST:5173',
    '127.0.0.1:5173',
    '[::1]:5173',
    'lens.contoso.com',
    'Lens.Contoso.com:443',
  ])('lets Host: %s through', async (host) => {
    const before = reached;
    expect(await withHost(host)).toEqual({ status: 200, body: 'handled' });
    expect(reached).toBe(before + 1);
  });

  it.each([
    'evil.example',
    'evil.example:5173',
    'localhost.evil.example',
    'lens.contoso.com.evil.example',
    'evil.localhost',
    '10.0.0.1',
    'localhost@evil.example',
    'localhost/evil',
    'localhost:99999',
    '',
  ])('refuses Host: %j with 421 before any handler, without echoing it', async (host) => {
    const before = reached;
    const answer = await withHost(host);
    expect(answer.status).toBe(421);
    expect(answer.body).toMatch(/does not answer for the host/);
    if (host !== '') expect(answer.body).not.toContain(host);
    expect(reached).toBe(before);
  });
});
