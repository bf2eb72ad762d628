import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appContentSecurityPolicy, createSecurityHeaders } from './security/headers';
import { precompressAssets } from './precompress-assets';
import { createStaticAppHandler } from './static-app';

const BIG_SCRIPT = 'console.log("a chunk of the app");\n'.repeat(200);

let distDir: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  distDir = await mkdtemp(join(tmpdir(), 'referral-lens-dist-'));
  await mkdir(join(distDir, 'assets'));
  await writeFile(
    join(distDir, 'index.html'),
    '<!doctype html><html><head><title>Referral Lens</title></head><body><div id="root"></div></body></html>',
  );
  await writeFile(join(distDir, 'assets', 'index-3f2a1c0b.js'), 'console.log("app")');
  await writeFile(join(distDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(distDir, '.env'), 'SECRET=1');
  await writeFile(join(distDir, 'assets', 'old-0a1b2c3d.js'), 'console.log("old build")');
  await writeFile(join(distDir, 'assets', 'chunk-5e6f7a8b.js'), BIG_SCRIPT);
  await writeFile(join(distDir, 'assets', 'logo-1a2b3c4d.png'), Buffer.alloc(4096, 7));
  // As `vite build` does with vite.config.ts's plugins.
  const plugin = precompressAssets();
  await (plugin.writeBundle as (options: { dir: string }) => Promise<void>)({ dir: distDir });

  const handler = createStaticAppHandler({
    distDir,
    runtime: {
      middleware: (req, res, next) => {
        if (req.url?.startsWith('/api/')) res.writeHead(418).end('proxy');
        else next();
      },
      transformIndexHtml: (html) =>
        html.replace('</head>', '<script id="injected"></script></head>'),
      allowedHosts: ['127.0.0.1'],
      securityHeaders: () =>
        createSecurityHeaders({
          appPolicy: appContentSecurityPolicy({ authorityOrigin: null }),
          https: false,
        }),
    },
  });
  server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(distDir, { recursive: true, force: true });
});

const HTML = { accept: 'text/html,application/xhtml+xml' };

describe('npm run serve: the built app', () => {
  it.each(['/', '/index.html', '/referrals/112310', '/referrals/112310?tab=history'])(
    'serves index.html with the browser config for %s, never cached stale',
    async (path) => {
      const response = await fetch(`${origin}${path}`, { headers: HTML });

      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(await response.text()).toContain('<script id="injected"></script></head>');
    },
  );

  it('caches content-hashed assets for a year and other files only with revalidation', async () => {
    const asset = await fetch(`${origin}/assets/index-3f2a1c0b.js`);
    const favicon = await fetch(`${origin}/favicon.svg`);

    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('console.log("app")');
    expect(favicon.headers.get('cache-control')).toBe('no-cache');
  });

  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['identity', null],
  ])(
    'sends a text asset compressed at build time as Accept-Encoding %j asks: %s',
    async (acceptEncoding, coding) => {
      const response = await fetch(`${origin}/assets/chunk-5e6f7a8b.js`, {
        headers: { 'accept-encoding': acceptEncoding },
      });

      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding')).toBe(coding);
      expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toBeTruthy();
      // fetch decodes what it was sent.
      expect(await response.text()).toBe(BIG_SCRIPT);
    },
  );

  it('leaves tiny files, images and index.html uncompressed', async () => {
    const headers = { 'accept-encoding': 'br, gzip' };
    const tiny = await fetch(`${origin}/assets/index-3f2a1c0b.js`, { headers });
    const image = await fetch(`${origin}/assets/logo-1a2b3c4d.png`, { headers });
    const page = await fetch(`${origin}/`, { headers: { ...HTML, ...headers } });

    for (const response of [tiny, image, page]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding')).toBeNull();
    }
    expect(await tiny.text()).toBe('console.log("app")');
    expect(await page.text()).toContain('<script id="injected"></script></head>');
  });

  it('lets the proxy and identity provider answer first', async () => {
    const response = await fetch(`${origin}/api/partner/v1/analytics/referrals`, { headers: HTML });

    expect(response.status).toBe(418);
  });

  it.each([
    ['/assets/missing.js', {}],
    ['/referrals/1', { accept: 'application/json' }],
    ['/.env', {}],
  ])('answers 404 for %s', async (path, headers) => {
    const response = await fetch(`${origin}${path}`, { headers });

    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('SECRET');
  });

  it('refuses a request naming another host before the proxy or anything else answers', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: new URL(origin).port,
          path: '/api/partner/v1/analytics/referrals',
          headers: { host: 'evil.example' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject).end();
    });

    expect(status).toBe(421);
  });

  it.each([
    ['/', HTML],
    ['/referrals/112310', HTML],
    ['/assets/index-3f2a1c0b.js', {}],
    ['/assets/missing.js', {}],
    ['/api/partner/v1/analytics/referrals', HTML],
  ])('sends the security headers with %s', async (path, headers) => {
    const response = await fetch(`${origin}${path}`, { headers });

    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|nonce-/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('permissions-policy')).toContain('camera=()');
    // Plain http on 127.0.0.1: no HSTS.
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('answers HEAD without a body', async () => {
    const response = await fetch(`${origin}/`, { method: 'HEAD', headers: HTML });

    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('keeps serving when a file it listed at start is gone (a new build copied over it)', async () => {
    const errors: unknown[] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      await rm(join(distDir, 'assets', 'old-0a1b2c3d.js'));
      await expect(
        fetch(`${origin}/assets/old-0a1b2c3d.js`).then((response) => response.text()),
      ).rejects.toThrow();
      expect(errors).toHaveLength(1);
    } finally {
      console.error = log;
    }
    const next = await fetch(`${origin}/assets/index-3f2a1c0b.js`);
    expect(next.status).toBe(200);
    expect(await next.text()).toBe('console.log("app")');
  });
});
