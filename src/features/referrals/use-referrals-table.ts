import {
  functionalUpdate,
  useTable,
  type ColumnOrderState,
  type ColumnSizingState,
  type ColumnVisibilityState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { isReferralField, type Referral, type ReferralField } from '../../lib/referrals/schema';
import {
  loadColumnPreferences,
  sanitizeColumnPreferences,
  saveColumnPreferences,
  type ColumnPreferences,
} from './column-preferences';
import { referralColumns } from './columns';
import { sortReferrals } from './sorting';
import { referralTableFeatures } from './table-features';
import type { ColumnSort } from './table-url-state';

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Some privacy settings make merely reading localStorage throw.
    return null;
  }
}

/** Column visibility, order and widths, remembered in localStorage. */
export function useColumnPreferences() {
  const [preferences, setPreferences] = useState(() => loadColumnPreferences(browserStorage()));
  useEffect(() => saveColumnPreferences(browserStorage(), preferences), [preferences]);
  return [preferences, setPreferences] as const;
}

function toColumnSorts(sorting: SortingState): ColumnSort[] {
  return sorting.flatMap(({ id, desc }) => (isReferralField(id) ? [{ id, desc }] : []));
}

type SetPreferences = (update: (old: ColumnPreferences) => ColumnPreferences) => void;

/** The table's change handlers for one preference; results pass the same checks as stored ones. */
function preferenceUpdaters(setPreferences: SetPreferences) {
  const apply = (change: (old: ColumnPreferences) => Record<string, unknown>) =>
    setPreferences((old) => sanitizeColumnPreferences({ ...old, ...change(old) }));
  return {
    onColumnVisibilityChange: (updater: Updater<ColumnVisibilityState>) =>
      apply((old) => ({ visibility: functionalUpdate(updater, old.visibility) })),
    onColumnOrderChange: (updater: Updater<ColumnOrderState>) =>
      apply((old) => ({ order: functionalUpdate(updater, old.order) })),
    onColumnSizingChange: (updater: Updater<ColumnSizingState>) =>
      apply((old) => ({ sizing: functionalUpdate(updater, old.sizing) })),
  };
}

/**
 * The table instance: the page's rows in on-screen order (sorted by `sorting`, which lives in the
 * URL), with remembered column preferences.
 */
export function useReferralsTable(
  rows: readonly Referral[],
  sorting: ColumnSort[],
  onSortingChange: (sorting: ColumnSort[]) => void,
) {
  const [preferences, setPreferences] = useColumnPreferences();
  const updaters = useMemo(() => preferenceUpdaters(setPreferences), [setPreferences]);
  const sortedRows = useMemo(() => sortReferrals(rows, sorting), [rows, sorting]);

  const handleSortingChange = useCallback(
    (updater: Updater<SortingState>) =>
      onSortingChange(toColumnSorts(functionalUpdate(updater, sorting))),
    [onSortingChange, sorting],
  );

  const table = useTable({
    features: referralTableFeatures,
    columns: referralColumns,
    data: sortedRows,
    getRowId: (row, index) => `${index}:${row.id}`,
    manualSorting: true,
    enableMultiSort: true,
    enableSortingRemoval: true,
    columnResizeMode: 'onChange',
    state: {
      sorting,
      columnVisibility: preferences.visibility,
      columnOrder: preferences.order,
      columnSizing: preferences.sizing,
    },
    onSortingChange: handleSortingChange,
    ...updaters,
  });

  const visibleFields = table.getVisibleLeafColumns().map((column) => column.id as ReferralField);
  return { table, sortedRows, visibleFields, preferences, setPreferences };
}

export type ReferralsTableModel = ReturnType<typeof useReferralsTable>;
