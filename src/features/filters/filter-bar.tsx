// The dashboard's filter bar: date range and the date it applies to, multi-selects whose choices come from the
// data, customer name, granularity, a typed expression in the API's grammar, and the active filters as removable
// chips. All state lives in the URL through useDashboardFilters; the bar reads the view without the granularity, which
// only its Granularity control shows.
import { useCallback, useId, useState } from 'react';
import { filterLengthProblem } from '../../lib/api/request-length';
import { DATE_FIELDS, type DateField } from '../../lib/referrals/schema';
import { activeChips } from './chips';
import { CustomerNameInput } from './customer-name-input';
import { COMPARISON_LABELS, COMPARISONS, type ComparisonChoice } from '../../lib/dates/comparison';
import {
  isIsoDay,
  PRESET_LABELS,
  RANGE_PRESETS,
  type DayRange,
  type RangePreset,
} from './date-range';
import { apiFilterText, typedExpression } from './api-filter';
import { FilterChips } from './filter-chips';
import { FilterExpressionForm } from './filter-expression-form';
import {
  DEFAULT_FILTERS,
  type DashboardFilters,
  LIST_FILTER_FIELDS,
  LIST_FILTER_LABELS,
  dateFieldLabel,
  type ListFilterField,
} from './filter-state';
import { GranularityControl } from './granularity-control';
import { MultiSelect } from './multi-select';
import { useDashboardFilters, useViewFilters, type ViewFilterState } from './use-dashboard-filters';
import { useFilterChoices } from './use-filter-choices';
import './filters.css';

function ListFilter({ field, state }: { field: ListFilterField; state: ViewFilterState }) {
  const [wanted, setWanted] = useState(false);
  const { choices, isLoading, isError, refetch } = useFilterChoices(
    field,
    state.filters,
    state.range,
    wanted,
  );
  const { setFilters } = state;
  const onChange = useCallback(
    (selected: string[]) => setFilters({ [field]: selected }),
    [field, setFilters],
  );
  return (
    <MultiSelect
      label={LIST_FILTER_LABELS[field]}
      selected={state.filters[field]}
      choices={choices}
      isLoading={isLoading}
      isError={isError}
      onRetry={refetch}
      onChange={onChange}
      onWarmUp={() => setWanted(true)}
    />
  );
}

/** The one part of the bar that shows the granularity reads it: a granularity change re-renders this control alone. */
function Granularity() {
  const { granularity, setGranularity } = useDashboardFilters();
  return <GranularityControl value={granularity} onChange={setGranularity} />;
}

/**
 * A typed expression's problem: the grammar's, or (when it parses) a combined filter whose requests would
 * pass the length servers accept; null when it can be applied.
 */
function expressionProblem(text: string, filters: DashboardFilters, range: DayRange) {
  const checked = typedExpression(text);
  if (!checked.ok) return checked.error;
  return filterLengthProblem(apiFilterText({ ...filters, expression: text }, range), text);
}

/** `offerComparison`: the **Compare with** choice, left out by pages that show no comparison. */
export function FilterBar({ offerComparison = true }: { offerComparison?: boolean }) {
  const state = useViewFilters();
  const { filters, range, setFilters } = state;
  const headingId = useId();
  const commitName = useCallback(
    (customerName: string) => setFilters({ customerName }, { history: 'replace' }),
    [setFilters],
  );

  const onPreset = (preset: RangePreset) =>
    setFilters(
      preset === 'custom'
        ? { preset, from: range.from, to: range.to }
        : { preset, from: null, to: null },
    );
  const onCustomDay = (bound: 'from' | 'to', value: string) => {
    if (isIsoDay(value)) setFilters({ preset: 'custom', [bound]: value });
  };

  return (
    <section className="filter-bar" role="search" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        Filters
      </h2>
      <div className="filter-bar__row">
        <label className="filter-field">
          <span>Date range</span>
          <select
            value={filters.preset}
            onChange={(event) => onPreset(event.target.value as RangePreset)}
          >
            {RANGE_PRESETS.map((preset) => (
              <option key={preset} value={preset}>
                {PRESET_LABELS[preset]}
              </option>
            ))}
          </select>
        </label>
        {filters.preset === 'custom' && (
          <>
            <label className="filter-field">
              <span>From</span>
              <input
                type="date"
                value={range.from}
                max={range.to}
                required
                onChange={(event) => onCustomDay('from', event.target.value)}
              />
            </label>
            <label className="filter-field">
              <span>To</span>
              <input
                type="date"
                value={range.to}
                min={range.from}
                required
                onChange={(event) => onCustomDay('to', event.target.value)}
              />
            </label>
          </>
        )}
        <label className="filter-field">
          <span>Date field</span>
          <select
            value={filters.dateField}
            onChange={(event) => setFilters({ dateField: event.target.value as DateField })}
          >
            {DATE_FIELDS.map((field) => (
              <option key={field} value={field}>
                {dateFieldLabel(field)}
              </option>
            ))}
          </select>
        </label>
        {offerComparison && (
          <label className="filter-field">
            <span>Compare with</span>
            <select
              value={state.compare}
              onChange={(event) => state.setCompare(event.target.value as ComparisonChoice)}
            >
              {COMPARISONS.map((choice) => (
                <option key={choice} value={choice}>
                  {COMPARISON_LABELS[choice]}
                </option>
              ))}
            </select>
          </label>
        )}
        <p className="filter-bar__range" aria-live="polite">
          {range.from} to {range.to} (UTC)
        </p>
        {offerComparison && (
          <p className="filter-bar__range" aria-live="polite">
            {state.comparison
              ? `Compared with ${state.comparison.range.from} to ${state.comparison.range.to}`
              : 'No comparison'}
          </p>
        )}
      </div>
      <div className="filter-bar__row">
        {LIST_FILTER_FIELDS.map((field) => (
          <ListFilter key={field} field={field} state={state} />
        ))}
        <CustomerNameInput value={filters.customerName} onCommit={commitName} />
        <Granularity />
      </div>
      <FilterExpressionForm
        applied={filters.expression}
        validate={(text) => expressionProblem(text, filters, range)}
        onApply={(expression) => setFilters({ expression })}
      />
      <FilterChips
        chips={activeChips(filters)}
        onRemove={state.removeFilter}
        onClearAll={() => setFilters(DEFAULT_FILTERS)}
      />
    </section>
  );
}
