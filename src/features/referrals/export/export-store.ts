// The state of "Export all matching rows", kept outside React so an export in progress, failed or
// cancelled survives the table unmounting (opening a referral and coming back) and every error.
import type { Referral, ReferralField } from '../../../lib/referrals/schema';
import {
  exportAllRows,
  type ExportCheckpoint,
  type FetchExportPage,
  type RetryDelay,
  type ShouldRetry,
} from './export-all-rows';
import { referralsCsvBlob, referralsJsonBlob } from './export-files';

export type ExportFormat = 'csv' | 'json' | 'xlsx';

export interface ExportJob {
  fetchPage: FetchExportPage<Referral>;
  format: ExportFormat;
  /** CSV columns, in order. */
  fields: readonly ReferralField[];
  fileName: (options: { partial: boolean }) => string;
  retry?: ShouldRetry;
  retryDelay?: RetryDelay;
  /** Pages in flight at once (see exportAllRows). */
  concurrency?: number;
}

export type ExportState =
  | { phase: 'idle' }
  | {
      phase: 'running';
      job: ExportJob;
      fetched: number;
      totalCount: number | null;
      /** Set while waiting to retry a failed page. */
      retrying: { error: unknown; delayMs: number } | null;
    }
  | { phase: 'saving'; job: ExportJob; fetched: number }
  | { phase: 'done'; job: ExportJob; fileName: string; rowCount: number; partial: boolean }
  | { phase: 'failed'; job: ExportJob; checkpoint: ExportCheckpoint<Referral>; error: unknown }
  | { phase: 'cancelled'; job: ExportJob; checkpoint: ExportCheckpoint<Referral> };

export type SaveFile = (blob: Blob, fileName: string) => void;

export interface ExportStore {
  getSnapshot(): ExportState;
  subscribe(listener: () => void): () => void;
  start(job: ExportJob): Promise<void>;
  /** Continues a failed or cancelled export from where it stopped. */
  resume(): Promise<void>;
  cancel(): void;
  /** Saves the rows a failed or cancelled export fetched, marked as partial. */
  saveFetched(): Promise<void>;
  dismiss(): void;
}

/** Builds an Excel workbook (in the browser: in a worker, see xlsx/referrals-xlsx-blob.ts). */
export type WriteXlsx = (
  rows: readonly Referral[],
  fields: readonly ReferralField[],
) => Promise<Blob>;

const noXlsx: WriteXlsx = () => Promise.reject(new Error('Excel export is not available here.'));

export function createExportStore(saveFile: SaveFile, writeXlsx: WriteXlsx = noXlsx): ExportStore {
  let state: ExportState = { phase: 'idle' };
  let controller: AbortController | null = null;
  const listeners = new Set<() => void>();

  function set(next: ExportState) {
    state = next;
    for (const listener of listeners) listener();
  }

  async function save(job: ExportJob, rows: readonly Referral[], partial: boolean) {
    set({ phase: 'saving', job, fetched: rows.length });
    let blob: Blob;
    try {
      blob =
        job.format === 'xlsx'
          ? await writeXlsx(rows, job.fields)
          : job.format === 'csv'
            ? await referralsCsvBlob(rows, job.fields)
            : await referralsJsonBlob(rows);
    } catch (error) {
      // Nothing fetched is lost: the rows stay held, to save again or as another format.
      const checkpoint = { rows, nextSkip: rows.length, totalCount: rows.length };
      set({ phase: 'failed', job, checkpoint, error });
      return;
    }
    const fileName = job.fileName({ partial });
    saveFile(blob, fileName);
    set({ phase: 'done', job, fileName, rowCount: rows.length, partial });
  }

  async function run(job: ExportJob, startFrom?: ExportCheckpoint<Referral>) {
    controller?.abort();
    const ownController = new AbortController();
    controller = ownController;
    set({
      phase: 'running',
      job,
      fetched: startFrom?.rows.length ?? 0,
      totalCount: startFrom?.totalCount ?? null,
      retrying: null,
    });
    const current = () =>
      controller === ownController && state.phase === 'running' ? state : null;
    const outcome = await exportAllRows(job.fetchPage, {
      signal: ownController.signal,
      startFrom,
      retry: job.retry,
      retryDelay: job.retryDelay,
      concurrency: job.concurrency,
      rowKey: (row) => row.id,
      onProgress: ({ fetched, totalCount }) => {
        if (current()) set({ phase: 'running', job, fetched, totalCount, retrying: null });
      },
      onRetry: (error, delayMs) => {
        const running = current();
        if (running) set({ ...running, retrying: { error, delayMs } });
      },
    });
    // A newer export replaced this one: its outcome no longer matters.
    if (controller !== ownController) return;
    controller = null;
    if (outcome.status === 'complete') await save(job, outcome.rows, false);
    else if (outcome.status === 'cancelled') {
      set({ phase: 'cancelled', job, checkpoint: outcome.checkpoint });
    } else set({ phase: 'failed', job, checkpoint: outcome.checkpoint, error: outcome.error });
  }

  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: (job) => run(job),
    async resume() {
      if (state.phase === 'failed' || state.phase === 'cancelled') {
        await run(state.job, state.checkpoint);
      }
    },
    cancel() {
      controller?.abort();
    },
    async saveFetched() {
      if (state.phase === 'failed' || state.phase === 'cancelled') {
        await save(state.job, state.checkpoint.rows, true);
      }
    },
    dismiss() {
      controller?.abort();
      controller = null;
      set({ phase: 'idle' });
    },
  };
}
