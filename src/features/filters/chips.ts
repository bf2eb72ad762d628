// Active filters as chips: what each says and what removing it leaves.
import {
  DEFAULT_FILTERS,
  LIST_FILTER_FIELDS,
  LIST_FILTER_LABELS,
  dateFieldLabel,
} from './filter-state';
import type { DashboardFilters, ListFilterField } from './filter-state';
import { PRESET_LABELS, type DayRange } from './date-range';
import { fieldValueLabel } from '../../lib/referrals/value-labels';
import { typedExpression } from './api-filter';

/** Which part of the state a chip stands for; `value` picks one value of a multi-select. */
export type FilterTarget =
  | { kind: 'range' }
  | { kind: 'list'; field: ListFilterField; value: string }
  | { kind: 'customerName' }
  | { kind: 'reached' }
  | { kind: 'expression' };

export interface FilterChip {
  /** Stable React key. */
  id: string;
  /** Visible text; the button's name is "Remove filter: <label>". */
  label: string;
  target: FilterTarget;
}

/** The chips for every filter that differs from the defaults, in the filter bar's order. */
export function activeChips(filters: DashboardFilters): FilterChip[] {
  const chips: FilterChip[] = [];
  if (
    filters.preset !== DEFAULT_FILTERS.preset ||
    filters.dateField !== DEFAULT_FILTERS.dateField
  ) {
    const when =
      filters.preset === 'custom'
        ? `${filters.from ?? '…'} to ${filters.to ?? '…'}`
        : PRESET_LABELS[filters.preset];
    chips.push({
      id: 'range',
      label: `${dateFieldLabel(filters.dateField)} ${when}`,
      target: { kind: 'range' },
    });
  }
  for (const field of LIST_FILTER_FIELDS) {
    for (const value of filters[field]) {
      chips.push({
        id: `${field}:${value}`,
        label: `${LIST_FILTER_LABELS[field]} ${fieldValueLabel(field, value)}`,
        target: { kind: 'list', field, value },
      });
    }
  }
  if (filters.customerName !== '') {
    chips.push({
      id: 'customerName',
      label: `Customer name contains ${filters.customerName}`,
      target: { kind: 'customerName' },
    });
  }
  if (filters.reached !== null) {
    chips.push({
      id: 'reached',
      label: `Reached ${dateFieldLabel(filters.reached)}`,
      target: { kind: 'reached' },
    });
  }
  const expression = filters.expression.trim();
  if (expression !== '') {
    const applied = typedExpression(expression).ok;
    chips.push({
      id: 'expression',
      label: `${applied ? 'Expression' : 'Expression (not applied)'}: ${expression}`,
      target: { kind: 'expression' },
    });
  }
  return chips;
}

/** The view in words, for saying which filter something belongs to: "Created 2026-08-24 to 2026-11-24 · Status Won". */
export function viewSummary(filters: DashboardFilters, range: DayRange): string {
  const rest = activeChips(filters).filter((chip) => chip.target.kind !== 'range');
  return [
    `${dateFieldLabel(filters.dateField)} ${range.from} to ${range.to}`,
    ...rest.map((chip) => chip.label),
  ].join(' · ');
}

/** The state with one filter removed (a range chip restores the default range and date field). */
export function withoutFilter(filters: DashboardFilters, target: FilterTarget): DashboardFilters {
  switch (target.kind) {
    case 'range':
      return {
        ...filters,
        preset: DEFAULT_FILTERS.preset,
        from: null,
        to: null,
        dateField: DEFAULT_FILTERS.dateField,
      };
    case 'list':
      return {
        ...filters,
        [target.field]: filters[target.field].filter((v) => v !== target.value),
      };
    case 'customerName':
      return { ...filters, customerName: '' };
    case 'reached':
      return { ...filters, reached: null };
    case 'expression':
      return { ...filters, expression: '' };
  }
}
