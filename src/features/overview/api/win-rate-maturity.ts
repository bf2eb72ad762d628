// What the win rate chart needs to mark maturing buckets: accepted referrals lost per bucket and the time wins take
// (a small global statistic).
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReferralBucket } from '../../../lib/api/types';
import { addDaysToDay } from '../../../lib/dates/days';
import { and, compare, eq, ne, printFilter } from '../../../lib/filter-grammar';
import { reached, statusLevel, viewFilter, type PlanView } from './plan-view';
import { bucketsQuery, type BucketsQuery } from './planned-query';
import { useBucketQueries, usePlanned, type PlanState } from './use-planned-queries';

/**
 * Accepted referrals of the view that were lost and not won, per date bucket: the win rate chart's lost and open
 * columns (open = accepted − won − these). Its own small query: a lost referral need not have been accepted, and
 * the data has referrals with both a won and a lost date, which must not be taken off twice. Grouped by the date
 * field alone: the filter already says lost, and the lost date's own day would only split the buckets (22 KB
 * instead of 5 KB on a default view).
 */
export function lostAcceptedBuckets(view: PlanView): BucketsQuery {
  return bucketsQuery({
    filter: viewFilter(
      view,
      view.range,
      reached(view, 'acceptedDate'),
      ne('lostDate', null),
      eq('wonDate', null),
    ),
    groupby: [view.filters.dateField],
    aggregationLevel: statusLevel(view),
  });
}

/** How far back wins are looked at for the time they take. */
const WIN_HORIZON_LOOKBACK_DAYS = 730;

/**
 * Won referrals of the last 24 months by month of the view's date field × month won: the time wins take, for the
 * win rate chart's maturity cut-off. A statistic of all won referrals, on purpose not narrowed by the view's filters
 * (a narrow view would have too few wins, and a short range only the quick ones), so one small answer serves every
 * view. None when the date field is the won date: nothing is left to mature.
 */
function timeToWinBuckets(view: PlanView): BucketsQuery | null {
  const { dateField } = view.filters;
  if (dateField === 'wonDate') return null;
  return bucketsQuery({
    filter: printFilter(
      and(
        compare(dateField, 'ge', addDaysToDay(view.today, -WIN_HORIZON_LOOKBACK_DAYS)),
        ne('wonDate', null),
      ),
    ),
    groupby: [dateField, 'wonDate'],
    aggregationLevel: 'month',
  });
}

export interface WinRateMaturityQueries {
  lost: BucketsQuery;
  /** Null when there is nothing to mature. */
  timeToWin: BucketsQuery | null;
}

export function winRateMaturityQueries(view: PlanView): WinRateMaturityQueries {
  return { lost: lostAcceptedBuckets(view), timeToWin: timeToWinBuckets(view) };
}

export interface WinRateMaturityData {
  /** Accepted referrals of the view that were lost and not won, per bucket of the date field. */
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
  const { lost, timeToWin } = usePlanned(state, winRateMaturityQueries);
  return useBucketQueries(
    timeToWin ? [lost, timeToWin] : [lost],
    timeToWin ? combineBoth : combineLostOnly,
  );
}
