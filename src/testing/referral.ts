import type { Referral } from '../lib/referrals/schema';

/** A referral for tests: created on 2026-01-01 and nothing since, unless `overrides` say otherwise. */
export function makeReferral(overrides: Partial<Referral> = {}): Referral {
  return {
    id: '1',
    status: 'New',
    customerMarket: 'US',
    customerName: 'Contoso',
    customerOrgSize: '1to9employees',
    partnerMarket: 'US',
    createdDate: '2026-01-01T00:00:00',
    acknowledgedDate: null,
    acceptedDate: null,
    declinedDate: null,
    expiredDate: null,
    lostDate: null,
    missedDate: null,
    skippedDate: null,
    wonDate: null,
    archivedDate: null,
    ...overrides,
  };
}
