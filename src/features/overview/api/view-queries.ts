// The grouped queries the dashboard's figures are computed from, as pure values of the view. Each is chosen so that
// several figures can share it and a granularity change needs none of them again: day buckets are summed into weeks
// or months in the browser (chart models bucket by the granularity they draw).
import {
  and,
  compare,
  eq,
  ne,
  or,
  printFilter,
  type FilterPart,
} from '../../../lib/filter-grammar';
import type { ReferralsQuery } from '../../../lib/api/types';
import {
  DATE_FIELDS,
  type AggregationLevel,
  type DateField,
  type ReferralField,
} from '../../../lib/referrals/schema';
import { apiFilterText } from '../../filters';
import type { ComparisonPeriod } from '../../../lib/dates/comparison';
import { addDaysToDay, rangeLength, type DayRange } from '../../filters';
import type { DashboardFilters } from '../../filters';

/** What the plan needs to know of a view: the filter bar's view and the day it is seen on. */
export interface PlanView {
  filters: DashboardFilters;
  range: DayRange;
  /** The period the figures compare with; null when comparisons are off (nothing is asked for it). */
  comparison: ComparisonPeriod | null;
  granularity: AggregationLevel;
  /** Today (UTC, YYYY-MM-DD): outcomes of the current period count up to its end. */
  today: string;
}

/**
 * The buckets of a grouped answer that a figure reads: those whose `field` (a day bucket, YYYY-MM-DD…) lies from
 * `from` to `to`, both included. Lets two figures share one request whose answer holds both their periods.
 */
export interface BucketSlice {
  field: DateField;
  from: string;
  to: string;
}

/**
 * A query of the plan: a count (one row for its TotalCount) or every bucket of a grouped query, or of its `slice`
 * when several figures share the request.
 */
export type PlannedQuery =
  | { kind: 'count'; filter: string | undefined }
  | { kind: 'buckets'; query: ReferralsQuery; slice?: BucketSlice };

export type BucketsQuery = Extract<PlannedQuery, { kind: 'buckets' }>;
export type CountQuery = Extract<PlannedQuery, { kind: 'count' }>;

const LEVEL_RANK: Record<AggregationLevel, number> = { day: 0, week: 1, month: 2 };

function finer(a: AggregationLevel, b: AggregationLevel): AggregationLevel {
  return LEVEL_RANK[a] <= LEVEL_RANK[b] ? a : b;
}

/**
 * Up to this many days, time series are fetched in day buckets whatever the granularity, so changing it sends
 * nothing: statuses × days stay a few thousand buckets.
 */
export const DAY_BUCKETS_MAX_DAYS = 186;

/**
 * Joint buckets of two dates of a range ending today: n days give at most n(n+1)/2 ordered pairs, under 10,000
 * per query up to 140 days; 140 weeks at week level. A bucket holds at least one referral, so a query never has
 * more buckets than referrals either.
 */
const JOINT_DAY_MAX_DAYS = 140;

/** The level of the joint date buckets behind the medians and the win rate: the finest whose pairs stay bounded. */
export function outcomeLevel(view: PlanView): AggregationLevel {
  const days = rangeLength(view.range);
  const byRange =
    days <= JOINT_DAY_MAX_DAYS ? 'day' : days <= JOINT_DAY_MAX_DAYS * 7 ? 'week' : 'month';
  // The win rate chart sums these buckets into its granularity, so they are never coarser than it.
  return finer(byRange, view.granularity);
}

/** The level of the status chart's buckets. */
export function statusLevel(view: PlanView): AggregationLevel {
  return rangeLength(view.range) <= DAY_BUCKETS_MAX_DAYS ? 'day' : view.granularity;
}

/** Calendar months from the range's first month to today's, both counted. */
function monthsToToday(view: PlanView): number {
  const [fromYear, fromMonth] = view.range.from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = view.today.split('-').map(Number) as [number, number];
  return (toYear - fromYear) * 12 + (toMonth - fromMonth) + 1;
}

/**
 * Joint month buckets of several stage dates stay small while their dates span a few months (a default 3-month
 * view spans 4); past that, one small query per stage costs fewer bytes than their combinations.
 */
const JOINT_MONTHS_MAX = 4;

export function stagesFitOneQuery(view: PlanView): boolean {
  return monthsToToday(view) <= JOINT_MONTHS_MAX;
}

/** The view's filter over `range`, and'ed with `extra` parts. */
export function viewFilter(view: PlanView, range: DayRange, ...extra: FilterPart[]) {
  return apiFilterText(view.filters, range, ...extra);
}

/** `<stage> ne null`, left out when the view already keeps only referrals that reached it. */
export function reached(view: PlanView, stage: DateField): FilterPart {
  return view.filters.reached !== stage && ne(stage, null);
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

export function countQuery(filter: string | undefined): CountQuery {
  return { kind: 'count', filter };
}

export function bucketsQuery(query: ReferralsQuery): BucketsQuery {
  return { kind: 'buckets', query };
}

/** Referrals of the view per status per date bucket. */
export function statusBuckets(view: PlanView): BucketsQuery {
  return bucketsQuery({
    filter: viewFilter(view, view.range),
    groupby: unique<ReferralField>(['status', view.filters.dateField]),
    aggregationLevel: statusLevel(view),
  });
}

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
export function timeToWinBuckets(view: PlanView): BucketsQuery | null {
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

/** The dates after creation, in the order a referral reaches them. */
export const STAGE_DATES = DATE_FIELDS.filter(
  (field): field is Exclude<DateField, 'createdDate'> => field !== 'createdDate',
);

/**
 * Every stage date of the view's referrals, jointly at month level: whether each date is set, for every stage and
 * way out at once (a null date is its own bucket). The view's own date field is set for all and left out.
 */
export function stageBuckets(view: PlanView): BucketsQuery {
  return bucketsQuery({
    filter: viewFilter(view, view.range),
    groupby: STAGE_DATES.filter((field) => field !== view.filters.dateField),
    aggregationLevel: 'month',
  });
}

/** How many referrals of the view reached `stage` (all of them for the view's own date field). */
export function stageCount(view: PlanView, stage: DateField): CountQuery {
  return countQuery(
    stage === view.filters.dateField || stage === 'createdDate'
      ? viewFilter(view, view.range)
      : viewFilter(view, view.range, reached(view, stage)),
  );
}

/** 'previous': the period compared with, whichever it is (the one before, or the same days last year). */
export type Period = 'current' | 'previous';

/** The comparison period of a view that has one: the plan asks for it only then. */
function comparisonOf(view: PlanView): ComparisonPeriod {
  if (!view.comparison) throw new Error('This view compares with no period.');
  return view.comparison;
}
export type OutcomeStage = 'acceptedDate' | 'wonDate';

/** The dates an outcome's duration runs between: created → accepted, accepted → won. */
export const OUTCOME_FROM: Record<OutcomeStage, DateField> = {
  acceptedDate: 'createdDate',
  wonDate: 'acceptedDate',
};

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

function outcomeFilter(view: PlanView, period: Period, stage: OutcomeStage) {
  const comparison = period === 'current' ? null : comparisonOf(view);
  const range = comparison ? comparison.range : view.range;
  const sameAge = comparison !== null && compare(stage, 'lt', comparison.outcomeCutoff);
  return viewFilter(view, range, reached(view, stage), sameAge);
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
 * This period's and the previous period's referrals that reached `stage`, in one request: the same buckets as
 * outcomeBuckets() asks for each period, since the two periods are contiguous and a referral falls in the previous
 * one only with its outcome before the same-age cutoff. Only for day buckets, which never straddle the boundary, and
 * only when the comparison period ends the day before this one starts (a year earlier seldom does).
 */
export function outcomeBucketsBothPeriods(view: PlanView, stage: OutcomeStage): BucketsQuery {
  const { dateField } = view.filters;
  const comparison = comparisonOf(view);
  const both = { from: comparison.range.from, to: view.range.to };
  return bucketsQuery({
    filter: viewFilter(
      view,
      both,
      reached(view, stage),
      or(compare(dateField, 'ge', view.range.from), compare(stage, 'lt', comparison.outcomeCutoff)),
    ),
    groupby: unique<ReferralField>([dateField, OUTCOME_FROM[stage], stage]),
    aggregationLevel: 'day',
  });
}

/** Whether both periods' outcome buckets can come from one request (see outcomeBucketsBothPeriods). */
export function periodsShareOutcomeQueries(view: PlanView): boolean {
  return (
    view.comparison !== null &&
    outcomeLevel(view) === 'day' &&
    addDaysToDay(view.comparison.range.to, 1) === view.range.from
  );
}

/** The buckets of `planned` for one period of the view. */
export function sliceOf(planned: BucketsQuery, view: PlanView, period: Period): BucketsQuery {
  const range = period === 'current' ? view.range : comparisonOf(view).range;
  return { ...planned, slice: { field: view.filters.dateField, ...range } };
}

export type BreakdownField = 'customerMarket' | 'customerOrgSize';

/** Referrals of the view per value of `field`, with whether each was accepted and won (month buckets). */
export function breakdownBuckets(view: PlanView, field: BreakdownField): BucketsQuery {
  return bucketsQuery({
    filter: viewFilter(view, view.range),
    groupby: [field, 'acceptedDate', 'wonDate'],
    aggregationLevel: 'month',
  });
}

/** The same, one query per stage: all referrals, those accepted, those won. */
export function breakdownStageBuckets(view: PlanView, field: BreakdownField): BucketsQuery[] {
  return [
    viewFilter(view, view.range),
    viewFilter(view, view.range, reached(view, 'acceptedDate')),
    viewFilter(view, view.range, reached(view, 'wonDate')),
  ].map((filter) => bucketsQuery({ filter, groupby: [field] }));
}
