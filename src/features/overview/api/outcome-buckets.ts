// The referrals of each period that were accepted, and those that were won, in joint date buckets: one set of
// requests that three figures read (the Accepted and Won tiles sum them, the median tiles take durations from them,
// the win rate chart sums them per bucket), so their queries are built here, once, and the figures' hooks and the
// plan take them from here.
import { and, compare, or } from '../../../lib/filter-grammar';
import type { DateField, ReferralField } from '../../../lib/referrals/schema';
import { addDaysToDay } from '../../../lib/dates/days';
import {
  comparisonOf,
  outcomeLevel,
  reached,
  unique,
  viewFilter,
  type Period,
  type PlanView,
} from './plan-view';
import { bucketsQuery, type BucketsQuery } from './planned-query';

export type OutcomeStage = 'acceptedDate' | 'wonDate';

/** The dates an outcome's duration runs between: created → accepted, accepted → won. */
export const OUTCOME_FROM: Record<OutcomeStage, DateField> = {
  acceptedDate: 'createdDate',
  wonDate: 'acceptedDate',
};

/** Accepted and won of this period and of the comparison period (null when comparisons are off). */
export interface OutcomeQueries {
  current: { accepted: BucketsQuery; won: BucketsQuery };
  previous: { accepted: BucketsQuery; won: BucketsQuery } | null;
}

function outcomeFilter(view: PlanView, period: Period, stage: OutcomeStage) {
  const comparison = period === 'current' ? null : comparisonOf(view);
  const range = comparison ? comparison.range : view.range;
  const sameAge = comparison !== null && compare(stage, 'lt', comparison.outcomeCutoff);
  return viewFilter(view, range, reached(view, stage), sameAge);
}

/**
 * The referrals of a period that reached `stage`, by the view's date field and the duration's two dates: their
 * count (the Accepted and Won tiles), per date bucket (the win rate chart) and their durations (the median tiles).
 * The comparison period is taken as it stood at the same age as the current one: only outcomes dated before its
 * cutoff count, so a referral created n days into either period has had the same time to get there.
 */
export function outcomeBuckets(view: PlanView, period: Period, stage: OutcomeStage): BucketsQuery {
  return bucketsQuery({
    filter: outcomeFilter(view, period, stage),
    groupby: unique<ReferralField>([view.filters.dateField, OUTCOME_FROM[stage], stage]),
    aggregationLevel: outcomeLevel(view),
  });
}

/**
 * Whether the outcome buckets sum exactly into the view's granularity. Week buckets do not into months: a week
 * straddling two months is counted in the first, and the week holding the range's first day starts before it.
 */
export function outcomesNestInGranularity(view: PlanView): boolean {
  const level = outcomeLevel(view);
  return level === 'day' || level === view.granularity;
}

/**
 * The same referrals as outcomeBuckets() counted per bucket of the view's granularity, by its date field alone:
 * the win rate chart's counts where the outcome buckets do not nest in its granularity. A bucket per month.
 */
export function outcomeCounts(view: PlanView, period: Period, stage: OutcomeStage): BucketsQuery {
  return bucketsQuery({
    filter: outcomeFilter(view, period, stage),
    groupby: [view.filters.dateField],
    aggregationLevel: view.granularity,
  });
}

/**
 * This period's and the comparison period's referrals that reached `stage`, in one request: the same buckets as
 * outcomeBuckets() asks for each period, since a referral counts in the comparison period only with its outcome
 * before the same-age cutoff, and each figure reads its period's slice by the view's date field. Only for day
 * buckets, which never straddle a period's edge. The request spans both periods; referrals dated between them (a
 * year earlier leaves nine months between) match neither branch.
 */
export function outcomeBucketsBothPeriods(view: PlanView, stage: OutcomeStage): BucketsQuery {
  const { dateField } = view.filters;
  const comparison = comparisonOf(view);
  const both = { from: comparison.range.from, to: view.range.to };
  const comparisonDays = and(
    compare(dateField, 'lt', addDaysToDay(comparison.range.to, 1)),
    compare(stage, 'lt', comparison.outcomeCutoff),
  );
  return bucketsQuery({
    filter: viewFilter(
      view,
      both,
      reached(view, stage),
      or(compare(dateField, 'ge', view.range.from), comparisonDays),
    ),
    groupby: unique<ReferralField>([dateField, OUTCOME_FROM[stage], stage]),
    aggregationLevel: 'day',
  });
}

/**
 * Whether both periods' outcome buckets come from one request (see outcomeBucketsBothPeriods): with day buckets,
 * and a comparison period that ends before this one starts.
 */
export function periodsShareOutcomeQueries(view: PlanView): boolean {
  return (
    view.comparison !== null &&
    outcomeLevel(view) === 'day' &&
    view.comparison.range.to < view.range.from
  );
}

/** The buckets of `planned` for one period of the view. */
export function sliceOf(planned: BucketsQuery, view: PlanView, period: Period): BucketsQuery {
  const range = period === 'current' ? view.range : comparisonOf(view).range;
  return { ...planned, slice: { field: view.filters.dateField, ...range } };
}

/** Accepted and won per period: one request per stage for both periods where day buckets allow, else one each. */
export function outcomeQueries(view: PlanView): OutcomeQueries {
  if (periodsShareOutcomeQueries(view)) {
    const accepted = outcomeBucketsBothPeriods(view, 'acceptedDate');
    const won = outcomeBucketsBothPeriods(view, 'wonDate');
    return {
      current: {
        accepted: sliceOf(accepted, view, 'current'),
        won: sliceOf(won, view, 'current'),
      },
      previous: {
        accepted: sliceOf(accepted, view, 'previous'),
        won: sliceOf(won, view, 'previous'),
      },
    };
  }
  return {
    current: {
      accepted: outcomeBuckets(view, 'current', 'acceptedDate'),
      won: outcomeBuckets(view, 'current', 'wonDate'),
    },
    previous: view.comparison && {
      accepted: outcomeBuckets(view, 'previous', 'acceptedDate'),
      won: outcomeBuckets(view, 'previous', 'wonDate'),
    },
  };
}
