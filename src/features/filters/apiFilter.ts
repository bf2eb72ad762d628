// Filter bar state to the API's `filter`, built only with the grammar module's builders so quoting (O''Brien) and
// date literals are right by construction.
import {
  and,
  contains,
  dateRange,
  inList,
  ne,
  printFilter,
  type Expr,
  type FilterPart,
} from '../../lib/filter-grammar';
import { addDaysToDay, type DayRange } from './dateRange';
import type { DashboardFilters } from './filterState';

/** The filters' expression over `range` (both ends inclusive whole UTC days), and'ed with any `extra` parts. */
export function filterExpression(
  filters: DashboardFilters,
  range: DayRange,
  ...extra: FilterPart[]
): Expr | null {
  return and(
    dateRange(filters.dateField, range.from, addDaysToDay(range.to, 1)),
    inList('status', filters.status),
    inList('customerMarket', filters.customerMarket),
    inList('partnerMarket', filters.partnerMarket),
    inList('customerOrgSize', filters.customerOrgSize),
    contains('customerName', filters.customerName),
    filters.reached && ne(filters.reached, null),
    ...extra,
  );
}

/** The API `filter` text, or undefined when nothing restricts the rows. */
export function apiFilterText(
  filters: DashboardFilters,
  range: DayRange,
  ...extra: FilterPart[]
): string | undefined {
  const text = printFilter(filterExpression(filters, range, ...extra));
  return text === '' ? undefined : text;
}
