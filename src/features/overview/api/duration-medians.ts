// Median times to accept (created → accepted) and to win (accepted → won) from the outcome buckets the Accepted and
// Won tiles read too: each duration is fixed to within a bucket, so no referral rows are
// downloaded. Only when the buckets are coarser than a day and hold few referrals are their rows fetched: exact,
// and smaller than day buckets could be.
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useReferralsClient } from '../../../lib/api/client-context';
import { referralDatesPageQuery } from '../../../lib/api/queries';
import {
  medianOfJointBuckets,
  medianOfRows,
  rowsAreWorthIt,
  type MedianDuration,
} from '../../../lib/analytics/medians';
import { MAX_TOP } from '../../../lib/referrals/schema';
import { OUTCOME_FROM, outcomeQueries, type OutcomeStage } from './outcome-buckets';
import type { Period } from './plan-view';
import { bucketsOf, bucketsOptions } from './planned-query';
import { combineQueries, type CombinedQueryState } from './query-state';
import { usePlanned, type PlanState } from './use-planned-queries';

/** The two durations the tiles show, each named by the stage whose referrals have both dates. */
export const DURATION_STAGE = {
  toAccept: 'acceptedDate',
  toWin: 'wonDate',
} as const satisfies Record<string, OutcomeStage>;
export type DurationName = keyof typeof DURATION_STAGE;

export interface DurationMedianState extends CombinedQueryState {
  median: MedianDuration | null;
}

/**
 * A duration's median over the referrals of a period; null for the comparison period when comparisons are off (no
 * request then).
 */
export function useDurationMedian(
  state: PlanState,
  name: DurationName,
  period: Period,
): DurationMedianState | null {
  const client = useReferralsClient();
  const to = DURATION_STAGE[name];
  const from = OUTCOME_FROM[to];
  const planned =
    usePlanned(state, outcomeQueries)[period]?.[to === 'acceptedDate' ? 'accepted' : 'won'] ?? null;
  // One query, or none: hooks cannot be skipped, a list of queries can be empty.
  const buckets = useQueries({
    queries: (planned ? [planned] : []).map((query) => ({
      ...bucketsOptions(client, query),
      placeholderData: keepPreviousData,
    })),
  })[0];
  const data = buckets?.data;
  // The period's buckets, when both periods share one request.
  const periodBuckets = useMemo(
    () => (planned && data ? bucketsOf(planned, data) : undefined),
    [planned, data],
  );
  const level = planned?.query.aggregationLevel ?? 'day';
  const wantRows =
    planned !== null &&
    buckets !== undefined &&
    periodBuckets !== undefined &&
    !buckets.isPlaceholderData &&
    // Rows of a shared request would hold both periods: its day buckets are exact enough anyway.
    planned.slice === undefined &&
    rowsAreWorthIt(periodBuckets, level);
  const rows = useQuery({
    ...referralDatesPageQuery(client, { filter: planned?.query.filter, top: MAX_TOP }, [from, to]),
    enabled: wantRows,
  });
  const median = useMemo(() => {
    if (wantRows && rows.data) return medianOfRows(rows.data.rows, from, to);
    return periodBuckets ? medianOfJointBuckets(periodBuckets, from, to, level) : null;
  }, [wantRows, rows.data, periodBuckets, from, to, level]);
  if (!buckets) return null;
  return { ...combineQueries(wantRows ? [buckets, rows] : [buckets]), median };
}
