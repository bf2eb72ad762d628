// The referrals resource as ../shared/api/referrals-api.md describes it. One definition for the
// app, the filter grammar and the sandbox.

export const DATE_FIELDS = [
  'createdDate',
  'acknowledgedDate',
  'acceptedDate',
  'declinedDate',
  'expiredDate',
  'lostDate',
  'missedDate',
  'skippedDate',
  'wonDate',
  'archivedDate',
] as const;

export const STRING_FIELDS = [
  'id',
  'status',
  'customerMarket',
  'customerName',
  'customerOrgSize',
  'partnerMarket',
] as const;

export type DateField = (typeof DATE_FIELDS)[number];
export type StringField = (typeof STRING_FIELDS)[number];
export type ReferralField = DateField | StringField;
export type FieldType = 'string' | 'date';

/** Column order of the resource as the documentation lists it. */
export const REFERRAL_FIELDS: readonly ReferralField[] = [
  'id',
  'status',
  'customerMarket',
  'customerName',
  'customerOrgSize',
  ...DATE_FIELDS,
  'partnerMarket',
];

const dateFieldSet: ReadonlySet<string> = new Set(DATE_FIELDS);
const fieldSet: ReadonlySet<string> = new Set(REFERRAL_FIELDS);

export function isReferralField(name: string): name is ReferralField {
  return fieldSet.has(name);
}

export function isDateField(name: string): name is DateField {
  return dateFieldSet.has(name);
}

export function fieldType(field: ReferralField): FieldType {
  return isDateField(field) ? 'date' : 'string';
}

/** A referral row. Dates are UTC date-times without a trailing `Z` (`2018-02-07T23:43:19`) or null. */
export type Referral = { [F in StringField]: string } & { [F in DateField]: string | null };

/** Inferred statuses, one per date field; any other value must still be shown. */
export const KNOWN_STATUSES = [
  'New',
  'Acknowledged',
  'Accepted',
  'Declined',
  'Expired',
  'Missed',
  'Skipped',
  'Won',
  'Lost',
  'Archived',
] as const;
export type KnownStatus = (typeof KNOWN_STATUSES)[number];

/** The date field each known status is reached at. */
export const STATUS_DATE_FIELD: Record<KnownStatus, DateField> = {
  New: 'createdDate',
  Acknowledged: 'acknowledgedDate',
  Accepted: 'acceptedDate',
  Declined: 'declinedDate',
  Expired: 'expiredDate',
  Missed: 'missedDate',
  Skipped: 'skippedDate',
  Won: 'wonDate',
  Lost: 'lostDate',
  Archived: 'archivedDate',
};

/** Organisation sizes of Partner Center's current scheme, smallest first. */
export const CURRENT_ORG_SIZES = [
  '1to9employees',
  '10to50employees',
  '51to250employees',
  '251to1000employees',
  '1001to5000employees',
  '5001to10000employees',
  '10001to20000employees',
  'Morethan20000employees',
] as const;

/** The older scheme's sizes, still on older referrals; they overlap the current bands. */
export const OLDER_ORG_SIZES = [
  '1to50employees',
  '51to500employees',
  'Morethan500employees',
] as const;

/** Organisation sizes in size order (current values, then older ones). */
export const ORG_SIZES = [...CURRENT_ORG_SIZES, ...OLDER_ORG_SIZES] as const;

export const AGGREGATION_LEVELS = ['day', 'week', 'month'] as const;
export type AggregationLevel = (typeof AGGREGATION_LEVELS)[number];

export const MAX_TOP = 10000;
export const MAX_FILTER_LENGTH = 4096;
export const MAX_FILTER_DEPTH = 32;

export const API_RESOURCE = 'https://api.partnercenter.microsoft.com';
export const API_SCOPE = `${API_RESOURCE}/user_impersonation`;
export const REFERRALS_PATH = '/partner/v1/analytics/referrals';
