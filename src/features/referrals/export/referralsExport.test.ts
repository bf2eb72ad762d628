import { describe, expect, it } from 'vitest';
import type { ReferralsClient } from '../../../lib/api/client';
import type { ExportJob } from './exportStore';
import { createExportStore } from './exportStore';
import { exportStoreFor } from './referralsExport';

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
});
