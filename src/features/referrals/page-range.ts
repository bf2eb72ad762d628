import { formatCount } from '../../lib/format/format';

/**
 * "51–100 of 12,345": the rows a page shows out of all matching ones. Without a TotalCount from
 * the API only the range is given; an empty result says so.
 */
export function pageRangeText(
  page: number,
  pageSize: number,
  rowsOnPage: number,
  totalCount: number | null,
): string {
  if (rowsOnPage === 0) {
    return totalCount === null || totalCount === 0
      ? 'No referrals'
      : `No rows on this page (${formatCount(totalCount)} in all)`;
  }
  const first = (page - 1) * pageSize + 1;
  const last = first + rowsOnPage - 1;
  const range = `${formatCount(first)}–${formatCount(last)}`;
  return totalCount === null ? range : `${range} of ${formatCount(totalCount)}`;
}
