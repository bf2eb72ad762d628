import { describe, expect, it, vi } from 'vitest';
import type { Referral } from '../../../lib/referrals/schema';
import type { FetchExportPage } from './export-all-rows';
import { createExportStore, type ExportJob, type SaveFile } from './export-store';
import { makeReferral } from '../../../testing/referral';

function referral(id: number): Referral {
  return makeReferral({ id: String(id), customerName: `Customer ${id}` });
}

const data = Array.from({ length: 25_000 }, (_, index) => referral(index));

function job(fetchPage: FetchExportPage<Referral>, format: 'csv' | 'json' = 'csv'): ExportJob {
  return {
    fetchPage,
    format,
    fields: ['id', 'customerName'],
    fileName: ({ partial }) => `referrals_all${partial ? '_partial' : ''}.${format}`,
  };
}

const serve: FetchExportPage<Referral> = async ({ skip, top }) => ({
  rows: data.slice(skip, skip + top),
  totalCount: data.length,
});

function recorder() {
  const saved: Array<{ name: string; blob: Blob }> = [];
  const saveFile: SaveFile = (blob, name) => saved.push({ blob, name });
  return { saved, saveFile };
}

async function csvRecordCount(blob: Blob): Promise<number> {
  return (await blob.text()).split('\r\n').length - 2; // header, and the empty string after the last CRLF
}

describe('export store', () => {
  it('runs an export to a saved file, reporting progress on the way', async () => {
    const { saved, saveFile } = recorder();
    const store = createExportStore(saveFile);
    const phases: string[] = [];
    store.subscribe(() => phases.push(store.getSnapshot().phase));
    await store.start(job(serve));
    expect(store.getSnapshot()).toMatchObject({
      phase: 'done',
      fileName: 'referrals_all.csv',
      rowCount: 25_000,
      partial: false,
    });
    expect(phases.filter((phase) => phase !== 'running')).toEqual(['saving', 'done']);
    expect(phases[0]).toBe('running');
    expect(saved).toHaveLength(1);
    expect(await csvRecordCount(saved[0]!.blob)).toBe(25_000);
  });

  it('keeps what was fetched after a lasting failure, then resumes to a complete file', async () => {
    const { saved, saveFile } = recorder();
    const store = createExportStore(saveFile);
    let down = true;
    const flaky: FetchExportPage<Referral> = (request, signal) =>
      down && request.skip === 10_000
        ? Promise.reject(new Error('HTTP 500'))
        : serve(request, signal);

    await store.start(job(flaky));
    const failed = store.getSnapshot();
    expect(failed.phase).toBe('failed');
    if (failed.phase !== 'failed') return;
    expect(failed.checkpoint.rows).toHaveLength(10_000);
    expect(failed.error).toEqual(new Error('HTTP 500'));
    expect(saved).toHaveLength(0);

    down = false;
    await store.resume();
    expect(store.getSnapshot()).toMatchObject({ phase: 'done', rowCount: 25_000 });
    expect(await csvRecordCount(saved[0]!.blob)).toBe(25_000);
  });

  it('saves what a failed export fetched as a partial file', async () => {
    const { saved, saveFile } = recorder();
    const store = createExportStore(saveFile);
    const failing: FetchExportPage<Referral> = (request, signal) =>
      request.skip > 0 ? Promise.reject(new Error('HTTP 429')) : serve(request, signal);
    await store.start(job(failing, 'json'));
    await store.saveFetched();
    expect(store.getSnapshot()).toMatchObject({
      phase: 'done',
      fileName: 'referrals_all_partial.json',
      rowCount: 10_000,
      partial: true,
    });
    expect(JSON.parse(await saved[0]!.blob.text())).toHaveLength(10_000);
  });

  it('cancels, keeping the fetched rows, and can resume after a cancel', async () => {
    const { saved, saveFile } = recorder();
    const store = createExportStore(saveFile);
    const slow: FetchExportPage<Referral> = (request, signal) =>
      request.skip === 0
        ? serve(request, signal)
        : new Promise((_, reject) =>
            signal.addEventListener('abort', () =>
              reject(new DOMException('Aborted', 'AbortError')),
            ),
          );
    const running = store.start(job(slow));
    await vi.waitFor(() => expect(store.getSnapshot()).toMatchObject({ fetched: 10_000 }));
    store.cancel();
    await running;
    const cancelled = store.getSnapshot();
    expect(cancelled.phase).toBe('cancelled');
    if (cancelled.phase !== 'cancelled') return;
    expect(cancelled.checkpoint.nextSkip).toBe(10_000);

    cancelled.job.fetchPage = serve;
    await store.resume();
    expect(store.getSnapshot()).toMatchObject({ phase: 'done', rowCount: 25_000 });
    expect(saved).toHaveLength(1);
  });

  it('forgets a finished or interrupted export when dismissed', async () => {
    const store = createExportStore(() => {});
    await store.start(job(() => Promise.reject(new Error('down'))));
    store.dismiss();
    expect(store.getSnapshot()).toEqual({ phase: 'idle' });
    await store.resume();
    expect(store.getSnapshot()).toEqual({ phase: 'idle' });
  });
});
