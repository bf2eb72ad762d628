import { useSyncExternalStore } from 'react';
import type { ReferralsClient } from '../../../lib/api/client';
import { useReferralsClient } from '../../../lib/api/client-context';
import { downloadBlob } from '../../../lib/csv/download';
import { holdPage } from '../../../lib/page-hold';
import {
  createExportStore,
  type ExportState,
  type ExportStore,
  type WriteXlsx,
} from './export-store';

// The workbook library and its worker load only when an Excel export starts.
const writeXlsxInWorker: WriteXlsx = (rows, fields) =>
  import('./xlsx/referrals-xlsx-blob').then((m) => m.referralsXlsxBlob(rows, fields));

let current: { client: ReferralsClient; store: ExportStore } | null = null;

/** Whether leaving the page would lose the export's rows: while it runs, and while it keeps what it fetched. */
function holdsUnsavedRows(state: ExportState): boolean {
  if (state.phase === 'running' || state.phase === 'saving') return true;
  return (
    (state.phase === 'failed' || state.phase === 'cancelled') && state.checkpoint.rows.length > 0
  );
}

/** Holds the page (see page-hold.ts) whenever the store holds rows that leaving would lose. */
function holdPageForUnsavedRows(store: ExportStore): ExportStore {
  let release: (() => void) | null = null;
  store.subscribe(() => {
    if (holdsUnsavedRows(store.getSnapshot())) release ??= holdPage();
    else {
      release?.();
      release = null;
    }
  });
  return store;
}

/**
 * The one "Export all matching rows" of the signed-in account. It lives outside React so that
 * opening a referral and coming back cannot lose it; a new client means another account signed
 * in, so the previous account's export is cancelled and forgotten rather than shown (or resumed
 * with its token) under the new one.
 */
export function exportStoreFor(
  client: ReferralsClient,
  create: () => ExportStore = () => createExportStore(downloadBlob, writeXlsxInWorker),
): ExportStore {
  if (current?.client !== client) {
    current?.store.dismiss();
    current = { client, store: holdPageForUnsavedRows(create()) };
  }
  return current.store;
}

export function useReferralsExport(): { store: ExportStore; state: ExportState } {
  const store = exportStoreFor(useReferralsClient());
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return { store, state };
}
