import { useId } from 'react';
import { pageRangeText } from './page-range';
import { PAGE_SIZES, type PageSize } from './table-url-state';
import { formatCount } from '../../lib/format/format';

export interface PaginationProps {
  page: number;
  pageSize: PageSize;
  /** Rows of the requested page on screen, or null while it is not (loading, or failed). */
  rowsOnPage: number | null;
  totalCount: number | null;
  /** The last page's number, or null when the API gives no TotalCount. */
  lastPage: number | null;
  hasNextPage: boolean;
  /** A new page is on its way (the current one stays on screen meanwhile). */
  loading: boolean;
  onPageChange: (page: number) => void;
  onPageSizeChange: (size: PageSize) => void;
  /** The user shows the intent to open the next page (pointer on Next, or focus): fetch it ahead. */
  onNextPageIntent?: () => void;
}

export function Pagination({
  page,
  pageSize,
  rowsOnPage,
  totalCount,
  lastPage,
  hasNextPage,
  loading,
  onPageChange,
  onPageSizeChange,
  onNextPageIntent,
}: PaginationProps) {
  const sizeId = useId();
  const onFirst = page <= 1;
  return (
    <nav className="referrals-pagination" aria-label="Pages of referrals">
      <div className="referrals-pagination__size">
        <label htmlFor={sizeId}>Rows per page</label>
        <select
          id={sizeId}
          value={pageSize}
          onChange={(event) => onPageSizeChange(Number(event.target.value) as PageSize)}
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {formatCount(size)}
            </option>
          ))}
        </select>
      </div>
      <p className="referrals-pagination__range" aria-live="polite">
        {rowsOnPage !== null && (
          <span>{pageRangeText(page, pageSize, rowsOnPage, totalCount)} · </span>
        )}
        <span className="referrals-pagination__page">
          Page {formatCount(page)}
          {lastPage !== null && ` of ${formatCount(lastPage)}`}
        </span>
        {loading && (
          <span className="referrals-pagination__loading" role="status">
            {' '}
            Loading…
          </span>
        )}
      </p>
      <div className="referrals-pagination__buttons">
        <button
          type="button"
          className="button"
          aria-label="First page"
          title="First page"
          disabled={onFirst}
          onClick={() => onPageChange(1)}
        >
          <span aria-hidden="true">«</span>
        </button>
        <button
          type="button"
          className="button"
          disabled={onFirst}
          onClick={() => onPageChange(page - 1)}
        >
          Previous page
        </button>
        <button
          type="button"
          className="button"
          disabled={!hasNextPage}
          onPointerEnter={onNextPageIntent}
          onFocus={onNextPageIntent}
          onClick={() => onPageChange(page + 1)}
        >
          Next page
        </button>
        <button
          type="button"
          className="button"
          aria-label="Last page"
          title="Last page"
          disabled={lastPage === null || page >= lastPage}
          onClick={() => lastPage !== null && onPageChange(lastPage)}
        >
          <span aria-hidden="true">»</span>
        </button>
      </div>
    </nav>
  );
}
