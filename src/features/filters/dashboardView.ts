// What the filter bar's state means for the data: the days in view, the period before them, the API filter and the
// granularity. One pure function, so the dashboard and the code that fetches its data before it renders agree.
import type { AggregationLevel } from '../../lib/referrals/schema';
import { apiFilterText } from './apiFilter';
import {
  defaultGranularity,
  previousRange,
  resolveRange,
  toUtcDay,
  type DayRange,
} from './dateRange';
import type { DashboardFilters, GranularityChoice } from './filterState';

export interface DashboardView {
  filters: DashboardFilters;
  /** The API `filter` for the view, or undefined for none. Built by the grammar module. */
  apiFilter: string | undefined;
  /** The days in view (inclusive, UTC) and the period of the same length just before. */
  range: DayRange;
  previousRange: DayRange;
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
): DashboardView {
  const range = resolveRange(filters.preset, filters, toUtcDay(today));
  const rangeGranularity = defaultGranularity(range);
  return {
    filters,
    apiFilter: apiFilterText(filters, range),
    range,
    previousRange: previousRange(range),
    granularity: granularityChoice ?? rangeGranularity,
    granularityChoice,
    rangeGranularity,
  };
}
