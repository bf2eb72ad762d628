// The expiry rule for inbound referrals, in one place: Partner Center expires a referral 14 days after it was
// created when nobody has accepted or declined it.

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Days a referral waits for an answer before it expires. */
export const EXPIRY_DAYS = 14;
export const EXPIRY_MS = EXPIRY_DAYS * DAY_MS;

/** Statuses of a referral still waiting for an answer: nobody has accepted or declined it yet. */
export const AWAITING_STATUSES = ['New', 'Acknowledged'] as const;
