// How many referrals of the view reached each funnel stage and each way out, by the stage's date being set (a won
// referral was also accepted): grouped queries of the stage dates at month level, whose every bucket is counted (a
// null date is its own bucket, so each query's buckets also add up to all the view's referrals). One query of every
// stage date while the view spans a few months; past that their combinations grow quickly, and three queries of
// stages that seldom combine stay small: 14 to 66 KB in three requests where one count per stage took ten.
import type { UseQueryResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import { countsWithValue, sumCounts } from '../../../lib/analytics/buckets';
import type { ReferralBucket } from '../../../lib/api/types';
import type { DateField } from '../../../lib/referrals/schema';
import { STAGE_DATES, stagesFitOneQuery, viewFilter, type PlanView } from './plan-view';
import { bucketsQuery, type BucketsQuery } from './planned-query';
import { combineQueries, type CombinedQueryState } from './query-state';
import { useBucketQueries, usePlanned, type PlanState } from './use-planned-queries';

type StageDate = (typeof STAGE_DATES)[number];

/**
 * The stage dates in groups that seldom combine, for views that span more than a few months: the answers and ways
 * out of a new referral, the outcomes, and what follows them. Measured on the e2e data over 6, 12 and 24 months:
 * 9 to 33 KB, 3 to 16 KB and 2 to 17 KB.
 */
export const STAGE_GROUPS: readonly (readonly StageDate[])[] = [
  ['acknowledgedDate', 'declinedDate', 'expiredDate', 'missedDate', 'skippedDate'],
  ['acceptedDate', 'wonDate'],
  ['lostDate', 'archivedDate'],
];

/**
 * The funnel's queries: its stage dates jointly at month level, in one group or in STAGE_GROUPS. The view's own
 * date field is set for all and left out.
 */
export function funnelQueries(view: PlanView): BucketsQuery[] {
  const groups = stagesFitOneQuery(view) ? [STAGE_DATES] : STAGE_GROUPS;
  return groups
    .map((group) => group.filter((field) => field !== view.filters.dateField))
    .filter((group) => group.length > 0)
    .map((groupby) =>
      bucketsQuery({ filter: viewFilter(view, view.range), groupby, aggregationLevel: 'month' }),
    );
}

export type StageCounts = CombinedQueryState & {
  counts: Record<DateField, number> | undefined;
};

const ALL_DATES: readonly DateField[] = ['createdDate', ...STAGE_DATES];

/** Each date's count from the query that groups by it; the others (created, the view's own) are set for all. */
export function stageCountsOf(
  queries: readonly BucketsQuery[],
  answers: readonly (readonly ReferralBucket[])[],
): Record<DateField, number> {
  const total = sumCounts(answers[0] ?? []);
  const counts = Object.fromEntries(ALL_DATES.map((field) => [field, total])) as Record<
    DateField,
    number
  >;
  queries.forEach(({ query }, index) => {
    const fields = (query.groupby ?? []) as DateField[];
    Object.assign(counts, countsWithValue(answers[index] ?? [], fields));
  });
  return counts;
}

export function useStageCounts(state: PlanState): StageCounts {
  const queries = usePlanned(state, funnelQueries);
  const combine = useCallback(
    (results: UseQueryResult<ReferralBucket[]>[]): StageCounts => {
      const combined = combineQueries(results);
      const answers = results.map((result) => result.data);
      if (!answers.every((buckets) => buckets !== undefined))
        return { ...combined, counts: undefined };
      return { ...combined, counts: stageCountsOf(queries, answers) };
    },
    [queries],
  );
  return useBucketQueries(queries, combine);
}
