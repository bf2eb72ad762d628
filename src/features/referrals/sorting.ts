// Sorting of the rows on screen. The API has no `orderby`, so this orders only the page the
// browser holds; the table says so. One function serves the table, "Export visible rows" and the
// drill-down's previous/next, so all three agree on the order.
import { isDateField, type Referral, type ReferralField } from '../../lib/referrals/schema';
import type { ColumnSort } from './table-url-state';

// Numeric collation orders ids ("9" before "10") and names with numbers as people expect.
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compareValues(field: ReferralField, a: string, b: string): number {
  // API dates are fixed-width ISO text, so text order is time order (and much faster).
  if (isDateField(field)) return a < b ? -1 : a > b ? 1 : 0;
  return collator.compare(a, b);
}

/**
 * The rows ordered by each sort in turn; empty values (no date yet) last in either direction,
 * and ties keep the API's order.
 */
export function sortReferrals(
  rows: readonly Referral[],
  sorting: readonly ColumnSort[],
): Referral[] {
  if (sorting.length === 0) return [...rows];
  const indexed = rows.map((row, index) => ({ row, index }));
  indexed.sort((x, y) => {
    for (const { id, desc } of sorting) {
      const a = x.row[id];
      const b = y.row[id];
      if (a === b) continue;
      if (a === null || a === '') return 1;
      if (b === null || b === '') return -1;
      const order = compareValues(id, a, b);
      if (order !== 0) return desc ? -order : order;
    }
    return x.index - y.index;
  });
  return indexed.map(({ row }) => row);
}
