// The filters feature's public face: what other features import.
export { FilterBar } from './FilterBar';
export { useDashboardFilters, type DashboardFilterState } from './useDashboardFilters';
export { useNow } from './clock';
export {
  addDaysToDay,
  utcToday,
  formatDay,
  toUtcDay,
  rangeLength,
  type DayRange,
  type RangePreset,
} from './dateRange';
export { filterExpression, apiFilterText, typedExpressionPart } from './apiFilter';
export { dashboardViewAt } from './viewAt';
export {
  COMPARISON_LABELS,
  COMPARISON_NAMES,
  comparisonTitle,
  type ComparisonChoice,
  type ComparisonKind,
  type ComparisonPeriod,
} from './comparison';
export { DEFAULT_FILTERS, dateFieldLabel, type DashboardFilters } from './filterState';
export { dashboardView, type DashboardView } from './dashboardView';
export { activeChips } from './chips';
export { filterParsers, parseFilters } from './urlState';
