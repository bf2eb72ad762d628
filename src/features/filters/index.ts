// The filters feature's public face: what other features import.
export { FilterBar } from './filter-bar';
export {
  useDashboardFilters,
  useViewFilters,
  type DashboardFilterState,
  type ViewFilterState,
} from './use-dashboard-filters';
export { useNow } from './clock';
export {
  addDaysToDay,
  utcToday,
  formatDay,
  toUtcDay,
  rangeLength,
  type DayRange,
  type RangePreset,
} from './date-range';
export { filterExpression, apiFilterText, typedExpressionPart } from './api-filter';
export { dashboardViewAt } from './view-at';
export { DEFAULT_FILTERS, dateFieldLabel, type DashboardFilters } from './filter-state';
export { dashboardView, type DashboardView } from './dashboard-view';
export { activeChips } from './chips';
export { filterParsers } from './url-state';
