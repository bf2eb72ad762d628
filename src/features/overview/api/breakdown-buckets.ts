// Referrals by a text field with how many were accepted and won (won ÷ accepted is the win rate per value, by the
// stage dates, not the current status: a won referral was also accepted). One joint query with both dates at month
// level when that stays small, else one query per stage.
import type { UseQueryResult } from '@tanstack/react-query';
import { withValue } from '../../../lib/analytics/buckets';
import type { ReferralBucket } from '../../../lib/api/types';
import { reached, stagesFitOneQuery, viewFilter, type PlanView } from './plan-view';
import { bucketsQuery, type BucketsQuery } from './planned-query';
import { combineQueries, type CombinedQueryState } from './query-state';
import { useBucketQueries, usePlanned, type PlanState } from './use-planned-queries';
import type { BreakdownInput } from '../charts/model/breakdown';

export type BreakdownField = 'customerMarket' | 'customerOrgSize';

/** Referrals of the view per value of `field`, with whether each was accepted and won (month buckets). */
function breakdownBuckets(view: PlanView, field: BreakdownField): BucketsQuery {
  return bucketsQuery({
    filter: viewFilter(view, view.range),
    groupby: [field, 'acceptedDate', 'wonDate'],
    aggregationLevel: 'month',
  });
}

/** The same, one query per stage: all referrals, those accepted, those won. */
function breakdownStageBuckets(view: PlanView, field: BreakdownField): BucketsQuery[] {
  return [
    viewFilter(view, view.range),
    viewFilter(view, view.range, reached(view, 'acceptedDate')),
    viewFilter(view, view.range, reached(view, 'wonDate')),
  ].map((filter) => bucketsQuery({ filter, groupby: [field] }));
}

/** The breakdowns' queries: one joint query per field while the stage dates span a few months, else three each. */
export function breakdownQueries(view: PlanView): Record<BreakdownField, BucketsQuery[]> {
  const oneQuery = stagesFitOneQuery(view);
  const breakdown = (field: BreakdownField) =>
    oneQuery ? [breakdownBuckets(view, field)] : breakdownStageBuckets(view, field);
  return {
    customerMarket: breakdown('customerMarket'),
    customerOrgSize: breakdown('customerOrgSize'),
  };
}
type BreakdownBuckets = CombinedQueryState & { input: BreakdownInput | undefined };

/** Module-level, so React Query re-runs it only when a result changes and the input keeps its identity. */
function combineBreakdown(queries: UseQueryResult<ReferralBucket[]>[]): BreakdownBuckets {
  const data = queries.map((q) => q.data);
  const state = combineQueries(queries);
  if (!state.ready) return { ...state, input: undefined };
  const [total = [], accepted, won] = data as ReferralBucket[][];
  return {
    ...state,
    input:
      accepted && won
        ? { total, accepted, won }
        : {
            total,
            accepted: withValue(total, 'acceptedDate'),
            won: withValue(total, 'wonDate'),
          },
  };
}

export function useBreakdownBuckets(field: BreakdownField, state: PlanState): BreakdownBuckets {
  return useBucketQueries(usePlanned(state, breakdownQueries)[field], combineBreakdown);
}
