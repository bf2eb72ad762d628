// The page's side of an Excel export: rows go to the export worker in chunks (so no single long
// task copies 100,000 rows at once), and the workbook comes back as a Blob.
import type { Referral, ReferralField } from '../../../../lib/referrals/schema';
import type { XlsxWorkerRequest, XlsxWorkerResponse } from './xlsx.worker';

const CHUNK_ROWS = 5000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function referralsXlsxBlob(
  rows: readonly Referral[],
  fields: readonly ReferralField[],
  yieldToBrowser: () => Promise<void> = nextTask,
): Promise<Blob> {
  const worker = new Worker(new URL('./xlsx.worker.ts', import.meta.url), { type: 'module' });
  const post = (request: XlsxWorkerRequest) => worker.postMessage(request);
  const result = new Promise<Blob>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<XlsxWorkerResponse>) => {
      if (event.data.kind === 'done') resolve(event.data.blob);
      else reject(new Error(`The Excel file could not be written: ${event.data.message}`));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      reject(new Error(`The Excel file could not be written: ${event.message || 'worker failed'}`));
    };
  });
  const send = async () => {
    for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
      post({ kind: 'rows', rows: rows.slice(start, start + CHUNK_ROWS) });
      await yieldToBrowser();
    }
    post({ kind: 'write', fields: [...fields] });
  };
  return send()
    .then(() => result)
    .finally(() => worker.terminate());
}
