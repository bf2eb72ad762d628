// The referrals feature's public face: what other features import.
export { referralPath } from './drilldown/links';
export { drilldownQueries } from './drilldown/referral-queries';
export { ReferralsSection } from './referrals-section';
export { referralsTableQueries } from './api/referrals-table-queries';
