// Filter bar state to the API's `filter`, built only with the grammar module's builders so quoting (O''Brien) and
// date literals are right by construction.
import {
  and,
  contains,
  dateRange,
  inList,
  ne,
  printFilter,
  validateFilter,
  withoutSpans,
  type Expr,
  type FilterPart,
  type FilterResult,
} from '../../lib/filter-grammar';
import { addDaysToDay, type DayRange } from './date-range';
import type { DashboardFilters } from './filter-state';

/**
 * The typed expression checked by the grammar module: its tree, null when none is typed, or what is wrong and
 * where. Nothing invalid is ever sent.
 */
export function typedExpression(text: string): FilterResult<Expr | null> {
  if (text.trim() === '') return { ok: true, value: null };
  const checked = validateFilter(text);
  // Positions in the typed text mean nothing once it is part of a larger filter.
  return checked.ok ? { ok: true, value: withoutSpans(checked.value.expr) } : checked;
}

/**
 * The filters' expression over `range` (both ends inclusive whole UTC days), and'ed with any `extra` parts. The
 * typed expression is part of it, so every figure, chart and the table narrow alike; an invalid one is left out
 * (the expression form and its chip say it was not applied).
 */
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
    typedExpressionPart(filters.expression),
    ...extra,
  );
}

/** The typed expression as a filter part: nothing when none is typed or it does not check. */
export function typedExpressionPart(text: string): Expr | null {
  const typed = typedExpression(text);
  return typed.ok ? typed.value : null;
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
