// The dashboard's one filter state, kept in the URL. The filter bar, KPI tiles, charts and the table all read it
// here, so a change anywhere (a chip, a cross-filter click, back/forward) reaches every view at once. What does not
// show the granularity reads the view without it (useViewFilters), so a granularity change leaves it alone.
import { useQueryState, useQueryStates } from 'nuqs';
import { useCallback, useMemo } from 'react';
import type { AggregationLevel } from '../../lib/referrals/schema';
import { viewSummary, withoutFilter, type FilterTarget } from './chips';
import { useNow } from './clock';
import type { ComparisonChoice } from '../../lib/dates/comparison';
import { utcToday } from './date-range';
import { dashboardView, type DashboardView } from './dashboard-view';
import { describeFilters } from './describe-filters';
import type { DashboardFilters } from './filter-state';
import { filterParsers, filtersFromUrl, urlFromFilters } from './url-state';

/** 'push' makes a back-button step (discrete choices); 'replace' does not (typing). */
export interface FilterUpdateOptions {
  history?: 'push' | 'replace';
}

/** The filter bar's view without the granularity: what the table, the awaiting list and exports depend on. */
export interface ViewFilterState extends Omit<
  DashboardView,
  'granularity' | 'granularityChoice' | 'rangeGranularity'
> {
  setFilters(patch: Partial<DashboardFilters>, options?: FilterUpdateOptions): void;
  removeFilter(target: FilterTarget): void;
  setCompare(compare: ComparisonChoice): void;
  /** Short text of the view for file names, e.g. "created-2026-08-24-to-2026-11-24_status-Won". */
  description: string;
  /** The view in words: "Created 2026-08-24 to 2026-11-24 · Status Won". */
  summary: string;
}

export interface DashboardFilterState
  extends ViewFilterState, Pick<DashboardView, 'granularity' | 'granularityChoice'> {
  setGranularity(level: AggregationLevel): void;
}

// nuqs re-renders a hook only for its own keys: this one has every key but the granularity.
const { granularity: granularityParser, ...viewParsers } = filterParsers;
const GRANULARITY_OPTIONS = { history: 'push' } as const;

/** The view as the URL says, without the granularity; `rangeGranularity` is what the range alone would pick. */
function useView(): ViewFilterState & { rangeGranularity: AggregationLevel } {
  const [values, setValues] = useQueryStates(viewParsers, { history: 'push' });
  const today = utcToday(useNow());
  const { range: preset, from, to, date, status, market, partnerMarket, orgSize } = values;
  const { customer, reached, expr, compare } = values;

  // Each part keyed on the values it is made of (nuqs keeps an unchanged value's identity), so figures computed
  // from them are not computed again when something else changes.
  const filters = useMemo(
    () =>
      filtersFromUrl({
        range: preset,
        from,
        to,
        date,
        status,
        market,
        partnerMarket,
        orgSize,
        customer,
        reached,
        expr,
      }),
    [preset, from, to, date, status, market, partnerMarket, orgSize, customer, reached, expr],
  );
  const period = useMemo(
    () => dashboardView(filters, null, today, compare),
    [filters, today, compare],
  );
  const { range, apiFilter, comparison, rangeGranularity } = period;

  const setFilters = useCallback(
    (patch: Partial<DashboardFilters>, options?: FilterUpdateOptions) =>
      void setValues((old) => urlFromFilters({ ...filtersFromUrl(old), ...patch }), options),
    [setValues],
  );
  const removeFilter = useCallback(
    (target: FilterTarget) =>
      void setValues((old) => urlFromFilters(withoutFilter(filtersFromUrl(old), target))),
    [setValues],
  );
  const setCompare = useCallback(
    (compare: ComparisonChoice) => void setValues({ compare }),
    [setValues],
  );
  const description = useMemo(() => describeFilters(filters, range), [filters, range]);
  const summary = useMemo(() => viewSummary(filters, range), [filters, range]);

  // One object while nothing in it changes, so a re-render that changes nothing (nuqs syncing the URL after an
  // update) gives memoised figures the same state.
  return useMemo(
    () => ({
      filters,
      apiFilter,
      range,
      compare,
      comparison,
      rangeGranularity,
      setFilters,
      removeFilter,
      setCompare,
      description,
      summary,
    }),
    [
      filters,
      apiFilter,
      range,
      compare,
      comparison,
      rangeGranularity,
      setFilters,
      removeFilter,
      setCompare,
      description,
      summary,
    ],
  );
}

/** The view without the granularity: for what a granularity change does not concern. */
export function useViewFilters(): ViewFilterState {
  return useView();
}

export function useDashboardFilters(): DashboardFilterState {
  const view = useView();
  const [granularityChoice, setChoice] = useQueryState(
    'granularity',
    granularityParser.withOptions(GRANULARITY_OPTIONS),
  );
  const { rangeGranularity } = view;
  // Choosing what the range would pick anyway is no choice: the URL stays clean and follows later range changes.
  const setGranularity = useCallback(
    (level: AggregationLevel) => void setChoice(level === rangeGranularity ? null : level),
    [setChoice, rangeGranularity],
  );
  return useMemo(
    () => ({
      ...view,
      granularity: granularityChoice ?? rangeGranularity,
      granularityChoice,
      setGranularity,
    }),
    [view, granularityChoice, rangeGranularity, setGranularity],
  );
}
