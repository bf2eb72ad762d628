// Which referrals are still open, by their status: an open referral has not failed, it has not finished yet. A
// status we do not know counts as neither open nor closed, so a new status never breaks a figure.
import type { ReferralBucket } from '../api/types';

/** Open and not yet answered: neither accepted nor declined (nor expired, missed or skipped). */
export const AWAITING_ANSWER: readonly string[] = ['New', 'Acknowledged'];
/** Accepted and neither won nor lost yet. */
export const AWAITING_OUTCOME: readonly string[] = ['Accepted'];

export interface OpenCounts {
  awaitingAnswer: number;
  awaitingOutcome: number;
}

/** Open referrals in buckets grouped by (at least) status. */
export function openCounts(buckets: readonly ReferralBucket[]): OpenCounts {
  let awaitingAnswer = 0;
  let awaitingOutcome = 0;
  for (const bucket of buckets) {
    const status = bucket.key.status ?? '';
    if (AWAITING_ANSWER.includes(status)) awaitingAnswer += bucket.count;
    else if (AWAITING_OUTCOME.includes(status)) awaitingOutcome += bucket.count;
  }
  return { awaitingAnswer, awaitingOutcome };
}
