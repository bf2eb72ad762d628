// The view as the dashboard's figures plan their queries from it, and what several figures' queries share: the
// levels of their date buckets, the view's filter and the comparison period.
import { ne, type FilterPart } from '../../../lib/filter-grammar';
import type { ComparisonPeriod } from '../../../lib/dates/comparison';
import { DATE_FIELDS, type AggregationLevel, type DateField } from '../../../lib/referrals/schema';
import { rangeLength, type DayRange } from '../../../lib/dates/days';
import { apiFilterText, type DashboardFilters } from '../../filters';

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

const LEVEL_RANK: Record<AggregationLevel, number> = { day: 0, week: 1, month: 2 };

function finer(a: AggregationLevel, b: AggregationLevel): AggregationLevel {
  return LEVEL_RANK[a] <= LEVEL_RANK[b] ? a : b;
}

/**
 * Up to this many days, time series are fetched in day buckets whatever the granularity, so changing it sends
 * nothing: statuses × days stay a few thousand buckets.
 */
const DAY_BUCKETS_MAX_DAYS = 186;

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

/** The level of the time series' buckets (status chart, lost per bucket). */
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

export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** The dates after creation, in the order a referral reaches them. */
export const STAGE_DATES = DATE_FIELDS.filter(
  (field): field is Exclude<DateField, 'createdDate'> => field !== 'createdDate',
);

/** 'previous': the period compared with, whichever it is (the one before, or the same days last year). */
export type Period = 'current' | 'previous';

/** The comparison period of a view that has one: the plan asks for it only then. */
export function comparisonOf(view: PlanView): ComparisonPeriod {
  if (!view.comparison) throw new Error('This view compares with no period.');
  return view.comparison;
}
