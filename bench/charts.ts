// Dashboard figures: gzip size of the JS loaded before sign-in and of all JS the dashboard loads (read from the
// build's Vite manifest), and the time from navigation to every chart painted on the built app with the sandbox,
// next to a bare page that makes the same API requests with the same token and writes the numbers into the page:
// with the sandbox answering at once and with every answer delayed as a remote API's would be. The same figures
// under the sandbox's partner-center profile are bench/partner-center.ts.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { build } from 'vite';
import { percentile, type Figure } from './figures';
import type { BuiltApp, BuiltAppSandbox } from './processes';
import { withSignedInPage } from './signed-in-page';
import { CHART_TITLES } from '../e2e/support/dashboard';

const root = fileURLToPath(new URL('..', import.meta.url));
const distDir = join(root, '.local/bench/charts-dist');
const RUNS = 5;
const DASHBOARD_CHUNKS = [
  'app/signed-in-shell.tsx',
  'features/overview/dashboard-page.tsx',
  'app/routes/overview.ts',
];

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
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
  // After sign-in the entry loads the signed-in shell, whose router loads the dashboard page and its loader (the
  // code that starts its data requests) as lazy chunks. Other routes' chunks (one referral's page) are not counted.
  const dashboardKeys = Object.keys(manifest).filter(
    (key) =>
      manifest[key]?.isDynamicEntry === true &&
      DASHBOARD_CHUNKS.some((chunk) => key.endsWith(chunk)),
  );
  if (dashboardKeys.length !== DASHBOARD_CHUNKS.length) {
    throw new Error(`the build does not load ${DASHBOARD_CHUNKS.join(', ')} as lazy chunks`);
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

/** The API requests the dashboard started before it painted, the first's start and the last answer's end before. */
const API_REQUESTS = `(() => {
  const api = performance.getEntriesByType('resource')
    .filter((e) => e.name.includes('/api/') && e.startTime <= window.chartsPainted);
  const answered = api.filter((e) => e.responseEnd <= window.chartsPainted);
  return {
    // Distinct: a throttled request asked again is one request to the bare page.
    urls: [...new Set(api.map((e) => e.name))],
    firstRequest: Math.min(...api.map((e) => e.startTime)),
    lastResponse: Math.max(...answered.map((e) => e.responseEnd)),
  };
})()`;

interface DashboardLoad {
  /** Navigation start to the frame after every chart and tile has its data. */
  painted: number;
  /** Navigation start to the first API request, and to the end of the last API answer it waited for. */
  firstRequest: number;
  lastResponse: number;
  urls: string[];
}

async function loadDashboard(page: Page): Promise<DashboardLoad> {
  await page.goto('/');
  // In-page code as text: this file is compiled without the DOM's types.
  await page.waitForFunction("'chartsPainted' in window", undefined, { timeout: 60_000 });
  const painted = (await page.evaluate('window.chartsPainted')) as number;
  const requests = (await page.evaluate(API_REQUESTS)) as Omit<DashboardLoad, 'painted'>;
  return { painted, ...requests };
}

/**
 * The bare page: a file of the build, so it is navigated to like the app, on the app's origin (the proxy
 * answers it), with no request interception in the way. It sends the API requests at once with the token
 * (a throttled one again after its Retry-After, as the contract asks), writes each answer's count into the
 * page and notes the frame after the last. The requests and the token reach it through an init script, so the
 * token is never written to disk or printed.
 */
const BARE_PAGE_FILE = 'bench-bare.html';
const BARE_PAGE = `<!doctype html>
<html lang="en">
<title>bare</title>
<ul id="figures"></ul>
<script>
  const { urls, token } = window.benchBare;
  const list = document.getElementById('figures');
  const get = (url) =>
    fetch(url, { headers: { Accept: 'application/json', Authorization: 'Bearer ' + token } })
      .then((r) => r.status !== 429 ? r.json() : new Promise((wait) =>
        setTimeout(wait, 1000 * Number(r.headers.get('Retry-After') || 1))).then(() => get(url)));
  Promise.all(urls.map((url) =>
    get(url)
      .then((body) => {
        const item = document.createElement('li');
        const rows = body.Value ?? body.value ?? [];
        item.textContent = (body.TotalCount ?? body.totalCount ?? '') + ' / ' + rows.length;
        list.append(item);
      }),
  )).then(() => requestAnimationFrame(() => requestAnimationFrame(() => {
    window.barePainted = performance.now();
  })));
</script>
</html>
`;

function bareInput(urls: readonly string[], token: string): string {
  const input = JSON.stringify({ urls, token });
  return `(() => { if (location.pathname === '/${BARE_PAGE_FILE}') window.benchBare = ${input}; })()`;
}

async function loadBare(page: Page): Promise<number> {
  await page.goto(`/${BARE_PAGE_FILE}`);
  await page.waitForFunction("'barePainted' in window", undefined, { timeout: 60_000 });
  return (await page.evaluate('window.barePainted')) as number;
}

/** Puts the sandbox's partner-center profile back as it started: full buckets, so every load starts alike. */
async function freshBuckets(server: BuiltApp): Promise<void> {
  if (server.sandboxUrl === undefined) return;
  const response = await fetch(`${server.sandboxUrl}/_sandbox/profile`, { method: 'DELETE' });
  if (!response.ok) throw new Error(`could not reset the sandbox profile (${response.status})`);
}

/**
 * Loads the dashboard and the bare page in turn (so drifts in the machine's load touch both alike) on the
 * build served as `sandbox` says. Every time runs from navigation start. Under the partner-center profile each
 * load starts with full token buckets and meets the same latencies (they are keyed by the request).
 */
export async function paintFigures(
  sandbox: BuiltAppSandbox,
  context: string,
  target: number | undefined,
): Promise<Figure[]> {
  return withSignedInPage(
    distDir,
    25_000,
    async (page, server) => {
      let token = '';
      page.on('request', (request) => {
        const header = request.headers()['authorization'];
        if (request.url().includes('/api/') && header?.startsWith('Bearer ')) {
          token = header.slice(7);
        }
      });
      await page.addInitScript(WATCH_CHARTS_PAINTED);
      // Warm-up: caches the app's JS like a returning user's browser, and lists the requests.
      await freshBuckets(server);
      const { urls } = await loadDashboard(page);
      page.removeAllListeners('request');
      if (token === '') throw new Error('the dashboard sent no authorised API request');
      await page.addInitScript(bareInput(urls, token));
      await freshBuckets(server);
      await loadBare(page);

      const app: DashboardLoad[] = [];
      const bare: number[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        await freshBuckets(server);
        app.push(await loadDashboard(page));
        await freshBuckets(server);
        bare.push(await loadBare(page));
      }
      const median = (values: number[]) => percentile(values, 50);
      const appMs = median(app.map((load) => load.painted));
      const bareMs = median(bare);
      return [
        {
          label: `Dashboard: first API request (p50)${context}`,
          value: median(app.map((load) => load.firstRequest)),
          unit: 'ms',
        },
        {
          label: `Dashboard: last API answer (p50)${context}`,
          value: median(app.map((load) => load.lastResponse)),
          unit: 'ms',
        },
        {
          label: `Dashboard: all charts painted (p50)${context}`,
          value: appMs,
          unit: 'ms',
        },
        {
          label: `Bare page, same ${urls.length} API requests (p50)${context}`,
          value: bareMs,
          unit: 'ms',
        },
        {
          label: `Dashboard ÷ bare page${context}`,
          value: appMs / bareMs,
          unit: 'x',
          ...(target === undefined ? {} : { target }),
        },
      ];
    },
    sandbox,
  );
}

/** A remote API's answer time to compare with: an assumption, not a measurement of Partner Center. */
const REMOTE_LATENCY_MS = 150;

export async function run(): Promise<Figure[]> {
  const bundles = await bundleFigures();
  await writeFile(join(distDir, BARE_PAGE_FILE), BARE_PAGE);
  return [
    ...bundles,
    // Recorded without a target: with the sandbox answering at once the ratio weighs rendering against almost
    // nothing. The goal is set where answers take as long as Partner Center's (bench/partner-center.ts).
    ...(await paintFigures({}, '', undefined)),
    ...(await paintFigures(
      { latencyMs: REMOTE_LATENCY_MS },
      ` [+${REMOTE_LATENCY_MS} ms]`,
      undefined,
    )),
  ];
}

/** Builds the app for the page figures alone (no manifest), with the bare page beside it. */
export async function buildForPageFigures(): Promise<void> {
  await build({ root, logLevel: 'error', build: { outDir: distDir, emptyOutDir: true } });
  await writeFile(join(distDir, BARE_PAGE_FILE), BARE_PAGE);
}
