// Builds the Excel workbook off the page's thread: rows arrive in chunks, the workbook leaves as
// one Blob. The page stays responsive however many rows there are.
import type { Referral, ReferralField } from '../../../../lib/referrals/schema';
import { writeReferralsXlsx } from './write-referrals-xlsx';

export type XlsxWorkerRequest =
  { kind: 'rows'; rows: Referral[] } | { kind: 'write'; fields: ReferralField[] };

export type XlsxWorkerResponse = { kind: 'done'; blob: Blob } | { kind: 'error'; message: string };

const rows: Referral[] = [];

self.onmessage = (event: MessageEvent<XlsxWorkerRequest>) => {
  const request = event.data;
  if (request.kind === 'rows') {
    for (const row of request.rows) rows.push(row);
    return;
  }
  writeReferralsXlsx(rows, request.fields).then(
    (blob) => self.postMessage({ kind: 'done', blob } satisfies XlsxWorkerResponse),
    (error: unknown) =>
      self.postMessage({
        kind: 'error',
        message: error instanceof Error ? error.message : String(error),
      } satisfies XlsxWorkerResponse),
  );
};
