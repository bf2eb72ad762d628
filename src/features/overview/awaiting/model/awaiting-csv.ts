// The awaiting list as a CSV file: the same rows in the same order, dates in ISO (UTC), hours left as numbers.
// toCsv neutralises cells a spreadsheet would run as formulas (customer names are untrusted).
import { toCsv } from '../../../../lib/csv/csv';
import { hoursLeft, type AwaitingReferral } from './time-left';

function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

export function awaitingCsv(list: readonly AwaitingReferral[], asOfMs: number): string {
  return toCsv(
    [
      'Referral id',
      'Customer',
      'Customer market',
      'Status',
      'Created (UTC)',
      'Expires (UTC)',
      `Hours left as of ${isoUtc(asOfMs)}`,
    ],
    list.map((r) => [
      r.id,
      r.customerName,
      r.customerMarket,
      r.status,
      isoUtc(r.createdMs),
      isoUtc(r.expiresMs),
      hoursLeft(r.timeLeftMs),
    ]),
  );
}

/** "awaiting-response_as-of-2026-12-05.csv" */
export function awaitingFileName(asOfMs: number): string {
  return `awaiting-response_as-of-${isoUtc(asOfMs).slice(0, 10)}.csv`;
}
