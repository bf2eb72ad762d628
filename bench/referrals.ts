// Referrals table figures: CSV of 10,000 rows, "Export all matching rows" of a 100,000-referral sandbox through
// the app's API client (paging, JSON, CSV file), and the time from a 10,000-row page's data arriving to its
// first paint in the built app (the table's own User Timing measure), signed in against the sandbox.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { build } from 'vite';
import { generateReferrals } from '../server/sandbox/data/generate';
import { createReferralsClient } from '../src/lib/api/client';
import { REFERRAL_FIELDS } from '../src/lib/referrals/schema';
import { referralsCsv } from '../src/features/referrals/export/export-files';
import { createExportJob } from '../src/features/referrals/export/export-job';
import { createExportStore } from '../src/features/referrals/export/export-store';
import { TABLE_PAINT_MEASURE } from '../src/features/referrals/paint-measure';
import { percentile, type Figure } from './figures';
import { startSandboxProcess, stopSandboxProcess } from './processes';
import { withSignedInPage } from './signed-in-page';

const root = fileURLToPath(new URL('..', import.meta.url));
const distDir = join(root, '.local/bench/referrals-dist');
const PAINT_SAMPLES = 6;

function csvFigures(): Figure[] {
  const rows = generateReferrals({ seed: 7, count: 10_000, anchor: Date.UTC(2026, 2, 1) });
  const samples: number[] = [];
  for (let i = 0; i < 23; i += 1) {
    const started = performance.now();
    referralsCsv(rows, REFERRAL_FIELDS);
    if (i >= 3) samples.push(performance.now() - started);
  }
  return [
    {
      label: 'CSV of 10,000 rows, every column (p50)',
      value: percentile(samples, 50),
      unit: 'ms',
      target: 100,
    },
  ];
}

async function exportFigures(): Promise<Figure[]> {
  const sandbox = await startSandboxProcess(100_000);
  try {
    // Auth is off in the bench sandbox; the client still asks for a token per request.
    const client = createReferralsClient({
      getAccessToken: async () => 'bench',
      baseUrl: sandbox.ready.url,
    });
    const samples: Array<{ total: number; fetch: number; file: number; rows: number }> = [];
    for (let i = 0; i < 4; i += 1) {
      // The app's own export path: the store runs the paging engine, then builds the file.
      let saved: Blob | null = null;
      const store = createExportStore((blob) => {
        saved = blob;
      });
      let savingAt = 0;
      store.subscribe(() => {
        if (store.getSnapshot().phase === 'saving' && savingAt === 0) savingAt = performance.now();
      });
      const job = createExportJob(client, {
        filter: undefined,
        format: 'csv',
        fields: REFERRAL_FIELDS,
        fileName: () => 'bench.csv',
      });
      const started = performance.now();
      await store.start(job);
      const done = performance.now();
      const state = store.getSnapshot();
      if (state.phase !== 'done' || saved === null) throw new Error(`export ended ${state.phase}`);
      if (i > 0) {
        samples.push({
          total: done - started,
          fetch: savingAt - started,
          file: done - savingAt,
          rows: state.rowCount,
        });
      }
    }
    const rows = samples[0]?.rows ?? 0;
    if (rows !== 100_000) throw new Error(`exported ${rows} rows, not 100,000`);
    const p50 = (key: 'total' | 'fetch' | 'file') =>
      percentile(
        samples.map((sample) => sample[key]),
        50,
      );
    return [
      {
        label: 'Export all 100,000 rows to CSV via the client (p50)',
        value: p50('total'),
        unit: 'ms',
        target: 5000,
      },
      {
        label: '  of which fetching 10 pages of 10,000 (2 at a time)',
        value: p50('fetch'),
        unit: 'ms',
      },
      { label: '  of which building the CSV file', value: p50('file'), unit: 'ms' },
    ];
  } finally {
    await stopSandboxProcess(sandbox);
  }
}

// In-page code as text: this file is compiled without the DOM's types.
const MEASURES = `performance.getEntriesByName(${JSON.stringify(TABLE_PAINT_MEASURE)})
  .map((entry) => ({ duration: entry.duration, rows: entry.detail && entry.detail.rows }))`;

async function measures(page: Page): Promise<Array<{ duration: number; rows: number }>> {
  return (await page.evaluate(MEASURES)) as Array<{ duration: number; rows: number }>;
}

async function waitForMeasures(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    `performance.getEntriesByName(${JSON.stringify(TABLE_PAINT_MEASURE)}).length >= ${count}`,
    undefined,
    { timeout: 60_000 },
  );
}

async function paintFigures(): Promise<Figure[]> {
  await build({ root, logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
  return withSignedInPage(distDir, 100_000, async (page) => {
    await page.goto('/?range=24m&size=10000');
    await waitForMeasures(page, 1);
    // Let the charts settle, so each sample times the table alone, as when a partner pages.
    await page.waitForLoadState('networkidle');
    const next = page.getByRole('button', { name: 'Next page' });
    for (let i = 1; i <= PAINT_SAMPLES; i += 1) {
      await next.click();
      await waitForMeasures(page, 1 + i);
    }
    const samples = (await measures(page)).slice(1);
    if (samples.some((sample) => sample.rows !== 10_000)) {
      throw new Error(`a measured page did not hold 10,000 rows: ${JSON.stringify(samples)}`);
    }
    const rendered = (await page.evaluate(
      'document.querySelectorAll(\'table[aria-label="Referrals"] tbody tr\').length',
    )) as number;
    return [
      {
        label: '10,000-row page: data arrival to paint (p50)',
        value: percentile(
          samples.map((sample) => sample.duration),
          50,
        ),
        unit: 'ms',
        target: 150,
      },
      {
        label: '10,000-row page: data arrival to paint (max)',
        value: Math.max(...samples.map((sample) => sample.duration)),
        unit: 'ms',
      },
      {
        label: '10,000-row page: table rows in the DOM',
        value: rendered,
        unit: 'rows',
        target: 200,
      },
    ];
  });
}

export async function run(): Promise<Figure[]> {
  return [...csvFigures(), ...(await exportFigures()), ...(await paintFigures())];
}
