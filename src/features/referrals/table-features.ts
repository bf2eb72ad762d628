import {
  columnOrderingFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';

// Sorting state and header toggles come from the sorting feature; the rows are ordered by
// sortReferrals (manualSorting), so the table, "Export visible rows" and the drill-down agree.
export const referralTableFeatures = tableFeatures({
  columnVisibilityFeature,
  columnOrderingFeature,
  columnSizingFeature,
  columnResizingFeature,
  rowSortingFeature,
});

export type ReferralTableFeatures = typeof referralTableFeatures;
