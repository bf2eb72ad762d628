// What the win rate chart needs to mark maturing buckets, from the dashboard's plan: accepted referrals lost per
// bucket and the time wins take (a small global statistic).
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReferralBucket } from '../../../lib/api/types';
import { useBucketQueries, useDashboardPlan, type PlanState } from './use-plan';

export interface WinRateMaturityData {
  /** Accepted referrals of the view that were lost, by date field and lost date. */
  lost: ReferralBucket[] | undefined;
  /** Undefined while loading; empty when the date field is the won date (nothing to mature). */
  timeToWin: ReferralBucket[] | undefined;
}

const NONE: ReferralBucket[] = [];

/** Module-level, so React Query re-runs them only when a result changes. */
function combineBoth([lost, timeToWin]: UseQueryResult<ReferralBucket[]>[]): WinRateMaturityData {
  return { lost: lost?.data, timeToWin: timeToWin?.data };
}

function combineLostOnly([lost]: UseQueryResult<ReferralBucket[]>[]): WinRateMaturityData {
  return { lost: lost?.data, timeToWin: NONE };
}

export function useWinRateMaturity(state: PlanState): WinRateMaturityData {
  const { lost, timeToWin } = useDashboardPlan(state).winRateMaturity;
  return useBucketQueries(
    timeToWin ? [lost, timeToWin] : [lost],
    timeToWin ? combineBoth : combineLostOnly,
  );
}
