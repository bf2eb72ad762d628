// The sandbox's query engine: pure functions from prepared referrals and request parameters to an API answer.
export { prepareDataset, Dataset, type GroupColumn } from './dataset';
export { compileFilter, type FilterColumns, type RowPredicate } from './compile';
export { executeReferralsQuery, type QueryResponse, type ReferralsEnvelope } from './execute';
export type { GroupedRow } from './group';
export { partnerCenterError, BAD_REQUEST_CODE, type PartnerCenterError } from './errors';
export { readQueryPlan, KNOWN_PARAMETERS, type QueryPlan, type PlanResult } from './params';
export { bucketStart, formatDay, weekStartOf } from './buckets';
