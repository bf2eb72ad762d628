// Dashboard figures: gzip size of the JS loaded before sign-in and of all JS the dashboard loads (read from the
// build's Vite manifest), and the time from navigation to every chart painted on the built app with the sandbox,
// next to a bare page that makes the same API requests with the same token and writes the numbers into the page.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { build } from 'vite';
import { percentile, type Figure } from './figures';
import { withSignedInPage } from './signed-in-page';

const root = fileURLToPath(new URL('..', import.meta.url));
const distDir = join(root, '.local/bench/charts-dist');
const RUNS = 5;
const CHART_TITLES = [
  'Referrals per status',
  'Referral funnel',
  'Referrals by customer market',
  'Referrals by organisation size',
  'Win rate over time',
];

const DASHBOARD_CHUNKS = [
  'app/SignedInShell.tsx',
  'features/dashboard/DashboardPage.tsx',
  'app/prefetch-page-data.ts',
];

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The JS files a chunk loads: itself and its static imports, transitively. */
function staticClosure(manifest: Manifest, keys: readonly string[], into = new Set<string>()) {
  for (const key of keys) {
    const chunk = manifest[key];
    if (!chunk || into.has(chunk.file)) continue;
    if (chunk.file.endsWith('.js')) into.add(chunk.file);
    staticClosure(manifest, chunk.imports ?? [], into);
  }
  return into;
}

async function gzipKb(files: Iterable<string>): Promise<number> {
  let bytes = 0;
  for (const file of files) bytes += gzipSync(await readFile(join(distDir, file))).length;
  return bytes / 1000;
}

async function bundleFigures(): Promise<Figure[]> {
  await build({
    root,
    logLevel: 'error',
    build: { outDir: distDir, emptyOutDir: true, manifest: true },
  });
  const manifest = JSON.parse(
    await readFile(join(distDir, '.vite/manifest.json'), 'utf8'),
  ) as Manifest;
  const entry = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  const beforeSignIn = staticClosure(manifest, entry);
  // After sign-in the entry loads the lazy chunks the dashboard needs: the signed-in shell, the dashboard page
  // and the code that starts its data requests. Other routes' chunks (one referral's page) are not counted.
  const dashboardKeys = entry
    .flatMap((key) => manifest[key]?.dynamicImports ?? [])
    .filter((key) => DASHBOARD_CHUNKS.some((chunk) => key.endsWith(chunk)));
  if (dashboardKeys.length !== DASHBOARD_CHUNKS.length) {
    throw new Error(`the entry does not load ${DASHBOARD_CHUNKS.join(', ')} as lazy chunks`);
  }
  const dashboard = staticClosure(manifest, [...entry, ...dashboardKeys]);
  return [
    {
      label: 'JS before sign-in (gzip)',
      value: await gzipKb(beforeSignIn),
      unit: 'kB',
      target: 170,
    },
    {
      label: 'All JS for the dashboard (gzip)',
      value: await gzipKb(dashboard),
      unit: 'kB',
      target: 380,
    },
  ];
}

const ALL_CHARTS_READY = `(() => {
  const ready = [...document.querySelectorAll('figure[data-state="ready"][aria-busy="false"]')]
    .map((figure) => figure.querySelector('figcaption')?.textContent);
  // Every chart drawn and settled, every tile's figure and its comparison with the previous period shown.
  return ${JSON.stringify(CHART_TITLES)}.every((title) => ready.includes(title))
    && document.querySelectorAll('.kpi-tile__value--loading').length === 0
    && !document.querySelector('.dashboard__kpis')?.textContent?.includes('Comparing…');
})()`;

/**
 * Runs in the dashboard page from its first script: checks every frame whether all charts are ready and, two
 * frames later (so they are painted), notes the time in the page, as the bare page does for its own figures. A
 * round trip to the bench at each check would add its latency to the dashboard's figure only.
 */
const WATCH_CHARTS_PAINTED = `(() => {
  if (location.pathname !== '/') return;
  const check = () => {
    if (!${ALL_CHARTS_READY}) return requestAnimationFrame(check);
    requestAnimationFrame(() => requestAnimationFrame(() => { window.chartsPainted = performance.now(); }));
  };
  requestAnimationFrame(check);
})()`;

const API_SPAN = `(() => {
  const api = performance.getEntriesByType('resource')
    .filter((e) => e.name.includes('/api/') && e.responseEnd <= window.chartsPainted);
  return [Math.min(...api.map((e) => e.startTime)), Math.max(...api.map((e) => e.responseEnd))];
})()`;

interface DashboardTiming {
  /** Navigation start to the frame after every chart and tile has its data. */
  painted: number;
  /** Navigation start to the first API request, and to the end of the last API response before painting. */
  firstRequest: number;
  lastResponse: number;
}

async function timeDashboard(page: Page, apiRequests: Set<string>): Promise<DashboardTiming> {
  const record = (url: string) => {
    if (url.includes('/api/')) apiRequests.add(url);
  };
  page.on('request', (request) => record(request.url()));
  await page.goto('/');
  // In-page code as text: this file is compiled without the DOM's types.
  await page.waitForFunction("'chartsPainted' in window", undefined, { timeout: 60_000 });
  const painted = (await page.evaluate('window.chartsPainted')) as number;
  const [firstRequest, lastResponse] = (await page.evaluate(API_SPAN)) as [number, number];
  page.removeAllListeners('request');
  return { painted, firstRequest, lastResponse };
}

/**
 * A page on the app's origin (so the proxy answers it) that sends the given API requests at once with the
 * token, writes each answer's count into the page and reports the frame after the last. The token stays in the
 * browser; it is never printed.
 */
function barePage(urls: readonly string[], token: string): string {
  const script = `
    const urls = ${JSON.stringify(urls)};
    const token = ${JSON.stringify(token)};
    const list = document.getElementById('figures');
    Promise.all(urls.map((url) =>
      fetch(url, { headers: { Accept: 'application/json', Authorization: 'Bearer ' + token } })
        .then((r) => r.json())
        .then((body) => {
          const item = document.createElement('li');
          const rows = body.Value ?? body.value ?? [];
          item.textContent = (body.TotalCount ?? body.totalCount ?? '') + ' / ' + rows.length;
          list.append(item);
        }),
    )).then(() => requestAnimationFrame(() => requestAnimationFrame(() => {
      window.barePainted = performance.now();
    })));`;
  return `<!doctype html><html lang="en"><title>bare</title><ul id="figures"></ul><script>${script}</script></html>`;
}

async function timeBare(page: Page, html: string): Promise<number> {
  await page.route('**/__bench/bare', (route) =>
    route.fulfill({ contentType: 'text/html', body: html }),
  );
  await page.goto('/__bench/bare');
  await page.waitForFunction("'barePainted' in window", undefined, { timeout: 60_000 });
  return (await page.evaluate('window.barePainted')) as number;
}

async function paintFigures(): Promise<Figure[]> {
  return withSignedInPage(distDir, 25_000, async (page) => {
    let token = '';
    page.on('request', (request) => {
      const header = request.headers()['authorization'];
      if (request.url().includes('/api/') && header?.startsWith('Bearer ')) token = header.slice(7);
    });

    await page.addInitScript(WATCH_CHARTS_PAINTED);
    const apiRequests = new Set<string>();
    await timeDashboard(page, apiRequests); // warm-up: caches the app's JS like a returning user's browser
    const app: DashboardTiming[] = [];
    for (let i = 0; i < RUNS; i += 1) app.push(await timeDashboard(page, apiRequests));
    page.removeAllListeners('request');
    if (token === '') throw new Error('the dashboard sent no authorised API request');

    const html = barePage([...apiRequests], token);
    await timeBare(page, html);
    const bare: number[] = [];
    for (let i = 0; i < RUNS; i += 1) bare.push(await timeBare(page, html));

    const appMs = percentile(
      app.map((t) => t.painted),
      50,
    );
    const bareMs = percentile(bare, 50);
    return [
      {
        label: 'Dashboard: navigation to first API request (p50)',
        value: percentile(
          app.map((t) => t.firstRequest),
          50,
        ),
        unit: 'ms',
      },
      {
        label: 'Dashboard: navigation to last API response (p50)',
        value: percentile(
          app.map((t) => t.lastResponse),
          50,
        ),
        unit: 'ms',
      },
      { label: 'Dashboard: navigation to all charts painted (p50)', value: appMs, unit: 'ms' },
      {
        label: `Bare page, same ${apiRequests.size} API requests (p50)`,
        value: bareMs,
        unit: 'ms',
      },
      { label: 'Dashboard ÷ bare page', value: appMs / bareMs, unit: 'x', target: 1.5 },
    ];
  });
}

export async function run(): Promise<Figure[]> {
  return [...(await bundleFigures()), ...(await paintFigures())];
}
