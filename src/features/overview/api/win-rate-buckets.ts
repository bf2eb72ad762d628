// Accepted and won referrals per date bucket, this period and the one it is compared with (if any): the same joint
// buckets the Accepted, Won and median tiles read, summed by the view's date field into the chart's granularity by its
// model, or counts per bucket of their own where those buckets (weeks) do not nest in the granularity (months).
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReferralBucket } from '../../../lib/api/types';
import {
  outcomeCounts,
  outcomeQueries,
  outcomesNestInGranularity,
  type OutcomeQueries,
} from './outcome-buckets';
import type { Period, PlanView } from './plan-view';
import { combineQueries, type CombinedQueryState } from './query-state';
import { useBucketQueries, usePlanned, type PlanState } from './use-planned-queries';
import type { WinRateInput } from '../charts/model/win-rate-series';

/**
 * The chart's accepted and won per bucket: the outcome buckets when they nest in its granularity, else counts of
 * the same referrals per bucket of its own.
 */
export function winRateQueries(view: PlanView): OutcomeQueries {
  if (outcomesNestInGranularity(view)) return outcomeQueries(view);
  const period = (name: Period) => ({
    accepted: outcomeCounts(view, name, 'acceptedDate'),
    won: outcomeCounts(view, name, 'wonDate'),
  });
  return { current: period('current'), previous: view.comparison && period('previous') };
}

export type WinRateBuckets = CombinedQueryState & {
  current: WinRateInput | undefined;
  previous: WinRateInput | undefined;
};

/** Module-level, so React Query re-runs it only when a result changes and the inputs keep their identity. */
function combineWinRate(queries: UseQueryResult<ReferralBucket[]>[]): WinRateBuckets {
  const [accepted, won, previousAccepted, previousWon] = queries.map((q) => q.data);
  // The comparison period only adds a line (none when comparisons are off): the chart is drawn without waiting for it (but stays busy
  // until it is in), and does not fail with it.
  const state = combineQueries(queries.slice(0, 2));
  const previousState = combineQueries(queries.slice(2));
  return {
    ...state,
    updating: state.updating || !previousState.ready || previousState.updating,
    problem: state.problem ?? previousState.problem,
    current: accepted && won ? { accepted, won } : undefined,
    previous:
      previousAccepted && previousWon
        ? { accepted: previousAccepted, won: previousWon }
        : undefined,
  };
}

export function useWinRateBuckets(state: PlanState): WinRateBuckets {
  const winRate = usePlanned(state, winRateQueries);
  return useBucketQueries(
    [
      winRate.current.accepted,
      winRate.current.won,
      ...(winRate.previous ? [winRate.previous.accepted, winRate.previous.won] : []),
    ],
    combineWinRate,
  );
}
