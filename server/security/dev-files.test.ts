import { mkdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevServer } from '../dev-server';
import { isServableDevTarget, viteFileServingOptions } from './dev-files';
import { appContentSecurityPolicy, createSecurityHeaders } from './headers';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/+$/, '');
// A stand-in for the signing key (the real one exists only after a first `npm start`).
const PROBE_DIR = join(root, '.local');
const PROBE_FILE = 'dev-files-probe.json';
const SECRET = '"d":"private-key-material"';

/** Every spelling of a forbidden file that has been seen to reach a file server. */
function spellings(path: string): string[] {
  const [first, ...rest] = path.slice(1).split('/');
  const tail = rest.join('/');
  return [
    path,
    `${path}?raw`,
    `${path}?url`,
    `${path}?import`,
    `${path}?import&raw`,
    `${path}?inline`,
    `/${first!.toUpperCase()}/${tail}`,
    `/${encodeURIComponent(first!).replace(/^./, (c) => `%${c.charCodeAt(0).toString(16)}`)}/${tail}`,
    `/${first!.replace(/^./, (c) => `%25${c.charCodeAt(0).toString(16)}`)}/${tail}`,
    `/@fs${root}${path}`,
    `/@fs${root}${path}?raw`,
    `/@fs${root.toUpperCase()}${path}`,
    `/@id/${root}${path}`,
    `/src/..${path}`,
    `/src/%2e%2e${path}`,
    `/src/..%2f${path.slice(1)}`,
    `/src/..%5c${path.slice(1)}`,
    `//${path.slice(1)}`,
  ];
}

const FORBIDDEN = [
  `/.local/${PROBE_FILE}`,
  '/.local/signing-key.json',
  '/server/local-secrets.ts',
  '/server/idp/provider.ts',
  '/e2e/support/fixtures.ts',
  '/bench/run.ts',
  '/package.json',
  '/package-lock.json',
  '/.env.example',
  '/.env.local',
  '/tsconfig.json',
  '/vite.config.ts',
  '/.git/config',
];

describe('isServableDevTarget', () => {
  it.each(FORBIDDEN.flatMap(spellings))('refuses %s', (target) => {
    expect(isServableDevTarget(target, root)).toBe(false);
  });

  it.each([
    '/',
    '/index.html',
    '/src/main.tsx',
    '/src/main.tsx?t=123',
    '/src/styles/base.css?direct',
    '/@vite/client',
    '/@react-refresh',
    '/@id/__x00__react/jsx-dev-runtime',
    '/node_modules/.vite/deps/react.js?v=1234',
    `/@fs${root}/node_modules/vite/dist/client/env.mjs`,
    '/favicon.svg',
    '/referrals/112310',
    '/oidc/auth?client_id=x',
    '/api/partner/v1/analytics/referrals?filter=x',
  ])('lets %s through', (target) => {
    expect(isServableDevTarget(target, root)).toBe(true);
  });

  it('refuses keys and certificates anywhere, and malformed encodings', () => {
    expect(isServableDevTarget('/src/assets/site.pem', root)).toBe(false);
    expect(isServableDevTarget('/public/tls.KEY', root)).toBe(false);
    expect(isServableDevTarget('/src/.env.production', root)).toBe(false);
    expect(isServableDevTarget('/src/%E0%A4%A', root)).toBe(false);
    expect(isServableDevTarget('/src/main.tsx%00.json', root)).toBe(false);
  });
});

/** Fetches a raw target (no URL normalisation by the client) from a server on localhost. */
async function get(port: number, target: string): Promise<{ status: number; body: string }> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: target, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const testOverrides = {
  configFile: false as const,
  logLevel: 'silent' as const,
  optimizeDeps: { noDiscovery: true, include: [] },
  server: { hmr: false, watch: null },
};

function portOf(server: ViteDevServer): number {
  return (server.httpServer!.address() as AddressInfo).port;
}

describe('the dev server (real Vite, ephemeral port)', () => {
  let guarded: ViteDevServer;
  let viteOnly: ViteDevServer;

  beforeAll(async () => {
    await mkdir(PROBE_DIR, { recursive: true });
    await writeFile(join(PROBE_DIR, PROBE_FILE), `{${SECRET}}`);
    guarded = await createDevServer({
      root,
      host: '127.0.0.1',
      port: 0,
      runtime: {
        middleware: (_req, _res, next) => next(),
        transformIndexHtml: (html) => html,
        tls: null,
        allowedHosts: ['127.0.0.1'],
        securityHeaders: (devNonce) =>
          createSecurityHeaders({
            appPolicy: appContentSecurityPolicy({ authorityOrigin: null, devNonce }),
            https: false,
          }),
      },
      // With hot reload on, as `npm start` runs: React's refresh preamble is inline in the page.
      overrides: {
        ...testOverrides,
        server: { ...testOverrides.server, hmr: true },
        plugins: [react()],
      },
    });
    await guarded.listen();
    // Vite with our `server.fs` options and no guard: the second wall on its own.
    viteOnly = await createServer({
      root,
      ...testOverrides,
      server: {
        ...testOverrides.server,
        host: '127.0.0.1',
        port: 0,
        fs: viteFileServingOptions(root),
      },
    });
    await viteOnly.listen();
  }, 30_000);

  afterAll(async () => {
    await Promise.allSettled([guarded?.close(), viteOnly?.close()]);
    await rm(join(PROBE_DIR, PROBE_FILE), { force: true });
  });

  it.each(FORBIDDEN.flatMap(spellings))('refuses %s', async (target) => {
    const answer = await get(portOf(guarded), target);
    expect(answer.status, target).toBe(404);
    expect(answer.body).not.toContain('private-key-material');
    expect(answer.body).not.toContain('import ');
  });

  it('serves the app: index.html, its sources, Vite client and public files', async () => {
    const port = portOf(guarded);
    expect((await get(port, '/')).body).toContain('<div id="root">');
    expect((await get(port, '/src/lib/runtime-config/config.ts')).status).toBe(200);
    expect((await get(port, '/@vite/client')).status).toBe(200);
    expect((await get(port, '/favicon.svg')).status).toBe(200);
  });

  it('refuses a request naming another host (DNS rebinding) before anything answers', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: portOf(guarded), path: '/', headers: { host: 'evil.example' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject).end();
    });
    // Over plain http Vite's own host check (403) answers before ours (421); over https only ours runs.
    expect([403, 421]).toContain(status);
  });

  it("allows Vite's inline React refresh preamble by nonce, and nothing else inline", async () => {
    const { request } = await import('node:http');
    const { policy, html } = await new Promise<{ policy: string; html: string }>(
      (resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: portOf(guarded), path: '/' }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () =>
            resolve({ policy: String(res.headers['content-security-policy']), html: body }),
          );
        });
        req.on('error', reject).end();
      },
    );
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeDefined();
    expect(html).toContain('injectIntoGlobalHook');
    const inlineScripts = [...html.matchAll(/<script\b([^>]*)>(?!<\/script>)/g)].map((m) => m[1]!);
    expect(inlineScripts.length).toBeGreaterThan(0);
    for (const attributes of inlineScripts) {
      if (attributes.includes('src=')) continue;
      expect(attributes).toContain(`nonce="${nonce}"`);
    }
  });

  it('refuses files outside the project through /@fs/', async () => {
    const answer = await get(portOf(guarded), '/@fs/etc/passwd');
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain('root:');
  });

  it.each([
    `/.local/${PROBE_FILE}`,
    `/.local/${PROBE_FILE}?raw`,
    `/.local/${PROBE_FILE}?import`,
    `/.local/${PROBE_FILE}?url`,
    `/@fs${root}/.local/${PROBE_FILE}`,
    `/%2elocal/${PROBE_FILE}`,
    '/server/local-secrets.ts',
    '/server/local-secrets.ts?raw',
    `/@fs${root}/server/local-secrets.ts`,
    '/package.json?raw',
  ])("Vite's own server.fs options also refuse %s", async (target) => {
    const answer = await get(portOf(viteOnly), target);
    expect(answer.body).not.toContain('private-key-material');
    expect(answer.body).not.toContain('ensureLocalSecrets');
    expect(answer.body).not.toContain('"devDependencies"');
  });
});
