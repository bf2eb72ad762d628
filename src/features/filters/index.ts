// The filters feature's public face: what other features import.
export { FilterBar } from './FilterBar';
export { useDashboardFilters, type DashboardFilterState } from './useDashboardFilters';
export { useNow } from './clock';
export { addDaysToDay, utcToday, formatDay, toUtcDay, type DayRange } from './dateRange';
export { filterExpression, apiFilterText, typedExpressionPart } from './apiFilter';
export { dateFieldLabel, type DashboardFilters } from './filterState';
export { dashboardViewAt } from './viewAt';
export {
  COMPARISON_LABELS,
  COMPARISON_NAMES,
  comparisonTitle,
  type ComparisonChoice,
  type ComparisonKind,
  type ComparisonPeriod,
} from './comparison';
