import { describe, expect, it, vi } from 'vitest';
import type { Referral } from '../../../../lib/referrals/schema';
import { makeReferral } from '../../../../testing/referral';
import type { FetchExportPage } from '../export-all-rows';
import { createExportStore, type ExportJob, type WriteXlsx } from '../export-store';

const data = Array.from({ length: 12_000 }, (_, i) => makeReferral({ id: String(i) }));

const serve: FetchExportPage<Referral> = async ({ skip, top }) => ({
  rows: data.slice(skip, skip + top),
  totalCount: data.length,
});

const xlsxJob: ExportJob = {
  fetchPage: serve,
  format: 'xlsx',
  fields: ['id', 'createdDate'],
  fileName: ({ partial }) => `referrals_all${partial ? '_partial' : ''}.xlsx`,
};

describe('export store, Excel format', () => {
  it('hands every fetched row and the chosen fields to the workbook writer', async () => {
    const saved: string[] = [];
    const workbook = new Blob(['xlsx']);
    const writeXlsx = vi.fn<WriteXlsx>(async () => workbook);
    const store = createExportStore((blob, name) => {
      expect(blob).toBe(workbook);
      saved.push(name);
    }, writeXlsx);
    await store.start(xlsxJob);
    expect(writeXlsx).toHaveBeenCalledOnce();
    expect(writeXlsx.mock.calls[0]![0]).toHaveLength(12_000);
    expect(writeXlsx.mock.calls[0]![1]).toEqual(['id', 'createdDate']);
    expect(saved).toEqual(['referrals_all.xlsx']);
    expect(store.getSnapshot()).toMatchObject({ phase: 'done', rowCount: 12_000 });
  });

  it('keeps every row when writing fails, so the export can be resumed and saved', async () => {
    const saved: string[] = [];
    let fail = true;
    const store = createExportStore(
      (_, name) => saved.push(name),
      async () => {
        if (fail) throw new Error('out of memory');
        return new Blob(['xlsx']);
      },
    );
    await store.start(xlsxJob);
    const failed = store.getSnapshot();
    expect(failed).toMatchObject({ phase: 'failed', error: new Error('out of memory') });
    expect(failed.phase === 'failed' && failed.checkpoint.rows).toHaveLength(12_000);
    expect(saved).toEqual([]);

    fail = false;
    await store.resume();
    expect(store.getSnapshot()).toMatchObject({ phase: 'done', rowCount: 12_000, partial: false });
    expect(saved).toEqual(['referrals_all.xlsx']);
  });
});
