import { isDateField, type ReferralField } from '../../lib/referrals/schema';

/** How the table, the drill-down and CSV headers name each field. */
export const FIELD_LABELS: Record<ReferralField, string> = {
  id: 'Referral ID',
  status: 'Status',
  customerMarket: 'Customer market',
  customerName: 'Customer',
  customerOrgSize: 'Organisation size',
  createdDate: 'Created',
  acknowledgedDate: 'Acknowledged',
  acceptedDate: 'Accepted',
  declinedDate: 'Declined',
  expiredDate: 'Expired',
  lostDate: 'Lost',
  missedDate: 'Missed',
  skippedDate: 'Skipped',
  wonDate: 'Won',
  archivedDate: 'Archived',
  partnerMarket: 'Partner market',
};

/** A column header: date columns say their dates are UTC. */
export function fieldHeader(field: ReferralField): string {
  return isDateField(field) ? `${FIELD_LABELS[field]} (UTC)` : FIELD_LABELS[field];
}
