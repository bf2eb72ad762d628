// Median times to accept and to win from referral rows: the only figures the API cannot aggregate.
import { parseIsoInstant } from '../../lib/filter-grammar';
import type { Referral } from '../../lib/referrals/schema';

/** The median of the values (mean of the middle two for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

export type DurationRow = Pick<Referral, 'createdDate' | 'acceptedDate' | 'wonDate'>;

/** Milliseconds from one date to another, or null when either is missing, unreadable, or the order is backwards. */
function between(from: string | null, to: string | null): number | null {
  if (from === null || to === null) return null;
  const start = parseIsoInstant(from);
  const end = parseIsoInstant(to);
  return start === null || end === null || end < start ? null : end - start;
}

export interface Durations {
  /** createdDate → acceptedDate, per accepted referral. */
  toAccept: number[];
  /** acceptedDate → wonDate, per won referral. */
  toWin: number[];
}

export function durationsOf(rows: readonly DurationRow[]): Durations {
  const toAccept: number[] = [];
  const toWin: number[] = [];
  for (const row of rows) {
    const accept = between(row.createdDate, row.acceptedDate);
    if (accept !== null) toAccept.push(accept);
    const win = between(row.acceptedDate, row.wonDate);
    if (win !== null) toWin.push(win);
  }
  return { toAccept, toWin };
}
