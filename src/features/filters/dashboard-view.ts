// What the filter bar's state means for the data: the days in view, the period they are compared with, the API
// filter and the granularity. One pure function, so the dashboard and the code that fetches its data before it renders agree.
import type { AggregationLevel } from '../../lib/referrals/schema';
import { apiFilterText } from './api-filter';
import {
  comparisonPeriod,
  DEFAULT_COMPARISON,
  type ComparisonChoice,
  type ComparisonPeriod,
} from '../../lib/dates/comparison';
import { defaultGranularity, resolveRange, toUtcDay, type DayRange } from './date-range';
import type { DashboardFilters, GranularityChoice } from './filter-state';

export interface DashboardView {
  filters: DashboardFilters;
  /** The API `filter` for the view, or undefined for none. Built by the grammar module. */
  apiFilter: string | undefined;
  /** The days in view (inclusive, UTC). */
  range: DayRange;
  /** What the KPIs and trends compare with, as chosen. */
  compare: ComparisonChoice;
  /** The period they compare with (the one before, or the same days last year); null when comparisons are off. */
  comparison: ComparisonPeriod | null;
  /** The granularity in effect: the user's choice, or the default for the range's length. */
  granularity: AggregationLevel;
  /** The user's explicit choice, null when following the range. */
  granularityChoice: GranularityChoice;
  /** What the range alone would pick. */
  rangeGranularity: AggregationLevel;
}

/** The view of `filters` on `today` (a UTC day, YYYY-MM-DD). */
export function dashboardView(
  filters: DashboardFilters,
  granularityChoice: GranularityChoice,
  today: string,
  compare: ComparisonChoice = DEFAULT_COMPARISON,
): DashboardView {
  const range = resolveRange(filters.preset, filters, toUtcDay(today));
  const rangeGranularity = defaultGranularity(range);
  return {
    filters,
    apiFilter: apiFilterText(filters, range),
    range,
    compare,
    comparison: comparisonPeriod(compare, range, today),
    granularity: granularityChoice ?? rangeGranularity,
    granularityChoice,
    rangeGranularity,
  };
}
