// The referrals feature's public face: what other features import.
export { referralPath } from './drilldown/links';
export { drilldownQueries } from './drilldown/referralQueries';
export { ReferralsSection } from './ReferralsSection';
export { referralsTableQueries } from './referralsQueries';
