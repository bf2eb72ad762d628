// The filter bar's URL form. Typed nuqs parsers with defaults, so a default value never appears in the URL and a
// hand-edited or stale link falls back to defaults field by field instead of breaking the page.
import {
  createLoader,
  createParser,
  createSerializer,
  parseAsNativeArrayOf,
  parseAsString,
  parseAsStringLiteral,
  type inferParserType,
} from 'nuqs';
import { AGGREGATION_LEVELS, DATE_FIELDS } from '../../lib/referrals/schema';
import { COMPARISONS, DEFAULT_COMPARISON, type ComparisonChoice } from '../../lib/dates/comparison';
import { isIsoDay, RANGE_PRESETS } from './date-range';
import { DEFAULT_FILTERS, type DashboardFilters, type GranularityChoice } from './filter-state';

const parseAsIsoDay = createParser({
  parse: (value: string) => (isIsoDay(value) ? value : null),
  serialize: (value: string) => value,
});

// Repeated keys (`status=Won&status=Lost`) keep any value intact, commas included.
const valueList = parseAsNativeArrayOf(parseAsString);

export const filterParsers = {
  range: parseAsStringLiteral(RANGE_PRESETS).withDefault(DEFAULT_FILTERS.preset),
  from: parseAsIsoDay,
  to: parseAsIsoDay,
  date: parseAsStringLiteral(DATE_FIELDS).withDefault(DEFAULT_FILTERS.dateField),
  status: valueList,
  market: valueList,
  partnerMarket: valueList,
  orgSize: valueList,
  customer: parseAsString.withDefault(''),
  reached: parseAsStringLiteral(DATE_FIELDS),
  expr: parseAsString.withDefault(''),
  granularity: parseAsStringLiteral(AGGREGATION_LEVELS),
  /** What the KPIs and trends compare with; like the granularity, a view setting rather than a filter. */
  compare: parseAsStringLiteral(COMPARISONS).withDefault(DEFAULT_COMPARISON),
};

export type FilterUrlValues = inferParserType<typeof filterParsers>;

/** The filters of the URL's values (the granularity and comparison are view settings, read on their own). */
export function filtersFromUrl(
  values: Omit<FilterUrlValues, 'granularity' | 'compare'>,
): DashboardFilters {
  return {
    preset: values.range,
    from: values.from,
    to: values.to,
    dateField: values.date,
    status: values.status,
    customerMarket: values.market,
    partnerMarket: values.partnerMarket,
    customerOrgSize: values.orgSize,
    customerName: values.customer,
    reached: values.reached,
    expression: values.expr,
  };
}

/**
 * URL values for a filter state (the granularity and comparison are set on their own). Custom bounds are kept only
 * for 'custom'.
 */
export function urlFromFilters(
  filters: DashboardFilters,
): Omit<FilterUrlValues, 'granularity' | 'compare'> {
  const custom = filters.preset === 'custom';
  return {
    range: filters.preset,
    from: custom ? filters.from : null,
    to: custom ? filters.to : null,
    date: filters.dateField,
    status: [...filters.status],
    market: [...filters.customerMarket],
    partnerMarket: [...filters.partnerMarket],
    orgSize: [...filters.customerOrgSize],
    customer: filters.customerName,
    reached: filters.reached,
    expr: filters.expression,
  };
}

const serialize = createSerializer(filterParsers);
const load = createLoader(filterParsers);

/** The query string ('' or '?…') for a filter state, granularity choice and comparison. */
export function serializeFilters(
  filters: DashboardFilters,
  granularity: GranularityChoice,
  compare: ComparisonChoice = DEFAULT_COMPARISON,
): string {
  return serialize({ ...urlFromFilters(filters), granularity, compare });
}

export function parseFilters(search: string | URLSearchParams): {
  filters: DashboardFilters;
  granularity: GranularityChoice;
  compare: ComparisonChoice;
} {
  const values = load(search);
  return {
    filters: filtersFromUrl(values),
    granularity: values.granularity,
    compare: values.compare,
  };
}
