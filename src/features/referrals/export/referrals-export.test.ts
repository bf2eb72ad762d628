import { describe, expect, it } from 'vitest';
import type { ReferralsClient } from '../../../lib/api/client';
import { pageIsHeld } from '../../../lib/page-hold';
import { makeReferral } from '../../../testing/referral';
import type { ExportJob } from './export-store';
import { createExportStore } from './export-store';
import { exportStoreFor } from './referrals-export';

const client = (): ReferralsClient => ({
  page: async () => ({ rows: [], totalCount: 0, next: null }),
  datesPage: async () => ({ rows: [], totalCount: 0, next: null }),
  grouped: async () => ({ buckets: [], totalCount: 0, next: null }),
});

const neverEnding: ExportJob = {
  fetchPage: (_request, signal) =>
    new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
  format: 'csv',
  fields: ['id'],
  fileName: () => 'x.csv',
};

describe('exportStoreFor', () => {
  const create = () => createExportStore(() => {});

  it('gives the same export for the same signed-in client', () => {
    const a = client();
    expect(exportStoreFor(a, create)).toBe(exportStoreFor(a, create));
  });

  it('cancels and forgets one account’s export when another account’s client arrives', async () => {
    const first = exportStoreFor(client(), create);
    const running = first.start(neverEnding);
    expect(first.getSnapshot().phase).toBe('running');

    const second = exportStoreFor(client(), create);
    await running;
    expect(second).not.toBe(first);
    expect(first.getSnapshot()).toEqual({ phase: 'idle' });
    expect(second.getSnapshot()).toEqual({ phase: 'idle' });
  });

  it('holds the page while the export runs and while it keeps fetched rows, not after', async () => {
    const store = exportStoreFor(client(), create);
    expect(pageIsHeld()).toBe(false);
    // One full page, then a failure: the export stops, keeping that page's rows.
    const running = store.start({
      ...neverEnding,
      fetchPage: async ({ skip, top }) => {
        if (skip > 0) throw new Error('down');
        const rows = Array.from({ length: top }, (_, i) => makeReferral({ id: String(i) }));
        return { rows, totalCount: top + 1 };
      },
    });
    expect(pageIsHeld()).toBe(true);
    await running;
    expect(store.getSnapshot().phase).toBe('failed');
    expect(pageIsHeld()).toBe(true);
    store.dismiss();
    expect(pageIsHeld()).toBe(false);

    // Cancelled before any row arrived: nothing to lose.
    const cancelled = store.start(neverEnding);
    store.cancel();
    await cancelled;
    expect(store.getSnapshot().phase).toBe('cancelled');
    expect(pageIsHeld()).toBe(false);
  });
});
