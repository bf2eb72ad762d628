// Median times to accept (created → accepted) and to win (accepted → won) from grouped answers: the joint
// distribution of the two dates fixes each duration to within a bucket, so no referral rows are downloaded. Only
// when every bucket holds a single referral are the rows fetched instead: as few records, and exact.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ReferralsClient } from '../../../lib/api/client';
import { useReferralsClient } from '../../../lib/api/client-context';
import { allGroupedReferralsQuery, referralDatesPageQuery } from '../../../lib/api/queries';
import {
  medianOfJointBuckets,
  medianOfRows,
  rowsAreNoMoreThanBuckets,
  type MedianDuration,
} from '../../../lib/analytics/medians';
import { MAX_TOP, type AggregationLevel, type DateField } from '../../../lib/referrals/schema';
import { combineQueries, type CombinedQueryState } from '../../charts/data/queryState';
import { reachedFilter } from '../../filters/apiFilter';
import { rangeLength, type DayRange } from '../../filters/dateRange';
import type { DashboardFilters } from '../../filters/filterState';

/** The two durations the tiles show: each a pair of dates, and the stage whose referrals have both. */
export const DURATIONS = {
  toAccept: { from: 'createdDate', to: 'acceptedDate' },
  toWin: { from: 'acceptedDate', to: 'wonDate' },
} as const satisfies Record<string, { from: DateField; to: DateField }>;
export type DurationName = keyof typeof DURATIONS;

/** Up to this many days, day buckets: n days give at most n(n+1)/2 ordered pairs of days, under 10,000 per query. */
const DAY_LEVEL_MAX_DAYS = 140;

/** The coarsest level that keeps a joint answer for `range` under 10,000 buckets, finest first. */
export function jointLevel(range: DayRange): AggregationLevel {
  const days = rangeLength(range);
  if (days <= DAY_LEVEL_MAX_DAYS) return 'day';
  return days <= DAY_LEVEL_MAX_DAYS * 7 ? 'week' : 'month';
}

/** The joint buckets of a duration's two dates, over the referrals of `range` that reached its end. */
export function durationBucketsQuery(
  client: ReferralsClient,
  name: DurationName,
  filters: DashboardFilters,
  range: DayRange,
) {
  const { from, to } = DURATIONS[name];
  return allGroupedReferralsQuery(client, {
    filter: reachedFilter(filters, range, to),
    groupby: [from, to],
    aggregationLevel: jointLevel(range),
  });
}

function durationRowsQuery(
  client: ReferralsClient,
  name: DurationName,
  filters: DashboardFilters,
  range: DayRange,
) {
  const { from, to } = DURATIONS[name];
  return referralDatesPageQuery(
    client,
    { filter: reachedFilter(filters, range, to), top: MAX_TOP },
    [from, to],
  );
}

export interface DurationMedianState extends CombinedQueryState {
  median: MedianDuration | null;
}

/** A duration's median over the referrals of `range`. */
export function useDurationMedian(
  name: DurationName,
  filters: DashboardFilters,
  range: DayRange,
): DurationMedianState {
  const client = useReferralsClient();
  const { from, to } = DURATIONS[name];
  const buckets = useQuery({
    ...durationBucketsQuery(client, name, filters, range),
    placeholderData: keepPreviousData,
  });
  const wantRows =
    buckets.data !== undefined &&
    !buckets.isPlaceholderData &&
    rowsAreNoMoreThanBuckets(buckets.data) &&
    buckets.data.length <= MAX_TOP;
  const rows = useQuery({
    ...durationRowsQuery(client, name, filters, range),
    enabled: wantRows,
  });
  const level = jointLevel(range);
  const median = useMemo(() => {
    if (wantRows && rows.data) return medianOfRows(rows.data.rows, from, to);
    return buckets.data ? medianOfJointBuckets(buckets.data, from, to, level) : null;
  }, [wantRows, rows.data, buckets.data, from, to, level]);
  const state = combineQueries(wantRows ? [buckets, rows] : [buckets]);
  return { ...state, median };
}
