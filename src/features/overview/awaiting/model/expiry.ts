// The expiry rule for inbound referrals, in one place: Partner Center expires a referral 14 days after it was
// created when nobody has accepted or declined it.
import { DATE_FIELDS } from '../../../../lib/referrals/schema';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Days a referral waits for an answer before it expires. */
export const EXPIRY_DAYS = 14;
export const EXPIRY_MS = EXPIRY_DAYS * DAY_MS;

/** Statuses of a referral still waiting for an answer: nobody has accepted or declined it yet. */
export const AWAITING_STATUSES = ['New', 'Acknowledged'] as const;

/** Referrals expiring within this many days are the list's "soon" (with those within 24 hours). */
export const SOON_DAYS = 3;

/**
 * Dates that mean a referral is no longer waiting, whatever its status says: every date after creation but the
 * acknowledgement, from the schema's one list, so a date field added there counts here too.
 */
export const ANSWERED_FIELDS = DATE_FIELDS.filter(
  (field) => field !== 'createdDate' && field !== 'acknowledgedDate',
);
