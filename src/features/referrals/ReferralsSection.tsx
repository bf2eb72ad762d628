import { useQueryStates } from 'nuqs';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent,
  type RefObject,
} from 'react';
import { useLocation } from 'react-router';
import { ErrorPanel } from '../../components/ErrorPanel';
import { queryProblem } from '../../components/query-problem';
import { useReferralsClient } from '../../lib/api/client-context';
import { CSV_MIME_TYPE } from '../../lib/csv/csv';
import { downloadBlob } from '../../lib/csv/download';
import { REFERRAL_FIELDS, type Referral } from '../../lib/referrals/schema';
import { useDashboardFilters } from '../filters/useDashboardFilters';
import { ColumnsMenu } from './ColumnsMenu';
import { REFERRAL_LINK_ATTRIBUTE } from './columns';
import { ExportAllStatus } from './export/ExportAllStatus';
import { ExportControls } from './export/ExportControls';
import { exportFileName, referralsCsv } from './export/exportFiles';
import { createExportJob } from './export/exportJob';
import type { ExportFormat } from './export/exportStore';
import { useReferralsExport } from './export/referralsExport';
import { FilterExpressionForm } from './FilterExpressionForm';
import { startPageTracking, trackPage } from './pageTracking';
import { useTablePaintTiming } from './paintTiming';
import { Pagination } from './Pagination';
import { ReferralsTable } from './ReferralsTable';
import { rememberTableScroll, takeTableScroll } from './scrollMemory';
import { tableFilter } from './tableQuery';
import { tableParsers, type ColumnSort, type PageSize } from './tableUrlState';
import { useReferralsPage } from './useReferralsPage';
import { useReferralsTable } from './useReferralsTable';
import './referrals.css';

const NO_ROWS: readonly Referral[] = [];
/** Stands for "the filter cannot be sent" in page tracking, distinct from every real filter. */
const INVALID_FILTER = '\u0000invalid';

/** The dashboard's referrals: filter expression, table, paging and export. */
export function ReferralsSection() {
  const client = useReferralsClient();
  const { store: exportStore } = useReferralsExport();
  const { search } = useLocation();
  const { apiFilter, description } = useDashboardFilters();
  const [url, setUrl] = useQueryStates(tableParsers, { history: 'push' });

  const combined = useMemo(() => tableFilter(apiFilter, url.expr), [apiFilter, url.expr]);
  const filter = combined.ok ? combined.value : undefined;

  // Any change of the filters returns to the first page (see pageTracking.ts).
  const filterKey = combined.ok ? filter : INVALID_FILTER;
  const [tracking, setTracking] = useState(() => startPageTracking(filterKey, url.page));
  const tracked = trackPage(tracking, filterKey, url.page);
  if (tracked !== tracking) setTracking(tracked);
  const page = tracked.page;
  useEffect(() => {
    if (page !== url.page) void setUrl({ page }, { history: 'replace' });
  }, [page, url.page, setUrl]);

  const result = useReferralsPage({ filter, page, size: url.size, enabled: combined.ok });
  const rows = result.rows ?? NO_ROWS;

  const onSortingChange = useCallback(
    (sort: ColumnSort[]) => void setUrl({ sort }, { history: 'replace' }),
    [setUrl],
  );
  const model = useReferralsTable(rows, url.sort, onSortingChange);

  // A link or reload past the last page (the data shrank) goes to the last page.
  const { lastPage } = result;
  useEffect(() => {
    if (!result.stale && lastPage !== null && page > lastPage) {
      void setUrl({ page: lastPage }, { history: 'replace' });
    }
  }, [result.stale, lastPage, page, setUrl]);

  const scrollRef = useRef<HTMLDivElement>(null);
  useRestoredScroll(scrollRef, search, rows.length > 0 && !result.stale);

  const [requestedAt, setRequestedAt] = useState(0);
  const [visibleExportProblem, setVisibleExportProblem] = useState<string | null>(null);
  useTablePaintTiming({
    dataUpdatedAt: result.query.dataUpdatedAt,
    requestedAt,
    rowCount: rows.length,
    current: !result.stale && result.query.isSuccess,
  });

  function changePage(next: number) {
    setRequestedAt(performance.now());
    void setUrl({ page: next });
    scrollRef.current?.scrollTo({ top: 0 });
  }

  function changePageSize(size: PageSize) {
    setRequestedAt(performance.now());
    void setUrl({ size, page: 1 });
    scrollRef.current?.scrollTo({ top: 0 });
  }

  function applyExpression(expr: string) {
    void setUrl({ expr, page: 1 });
  }

  function validateExpression(text: string) {
    const checked = tableFilter(apiFilter, text);
    return checked.ok ? null : checked.error;
  }

  function exportVisible(format: ExportFormat) {
    const xlsx = format === 'xlsx';
    const fileName = exportFileName({
      filters: description,
      expression: url.expr,
      scope: { kind: 'page', page },
      extension: xlsx ? 'xlsx' : 'csv',
    });
    setVisibleExportProblem(null);
    if (xlsx) {
      // The workbook library loads only now, in a worker, never with the dashboard.
      const { sortedRows, visibleFields } = model;
      void import('./export/xlsx/referralsXlsxBlob')
        .then((m) => m.referralsXlsxBlob(sortedRows, visibleFields))
        .then(
          (blob) => downloadBlob(blob, fileName),
          (error: unknown) =>
            setVisibleExportProblem(
              `${error instanceof Error ? error.message : 'The Excel file could not be written.'} Try again, or choose CSV.`,
            ),
        );
      return;
    }
    const csv = referralsCsv(model.sortedRows, model.visibleFields);
    downloadBlob(new Blob([csv], { type: CSV_MIME_TYPE }), fileName);
  }

  function exportAll(format: ExportFormat) {
    const fileName = ({ partial }: { partial: boolean }) =>
      exportFileName({
        filters: description,
        expression: url.expr,
        scope: { kind: 'all' },
        partial,
        extension: format,
      });
    void exportStore.start(
      createExportJob(client, { filter, format, fields: REFERRAL_FIELDS, fileName }),
    );
  }

  function rememberScrollOnOpen(event: MouseEvent) {
    const target = event.target as Element;
    if (!target.closest(`[${REFERRAL_LINK_ATTRIBUTE}]`)) return;
    rememberTableScroll({
      search,
      container: scrollRef.current?.scrollTop ?? 0,
      window: window.scrollY,
    });
  }

  const problem = combined.ok ? queryProblem(result.query) : null;
  const sorted = url.sort.length > 0;
  let emptyMessage: string | null = null;
  if (!combined.ok) emptyMessage = 'Fix the filter expression to see referrals.';
  else if (result.rows === undefined) emptyMessage = result.loading ? 'Loading referrals…' : null;
  else if (rows.length === 0) emptyMessage = 'No referrals match these filters.';

  return (
    <section className="referrals" aria-labelledby="referrals-heading">
      <div className="referrals__header">
        <h2 id="referrals-heading">Referrals</h2>
        <div className="referrals__tools">
          <ColumnsMenu model={model} />
          <ExportControls
            canExportVisible={rows.length > 0 && !result.stale}
            canExportAll={combined.ok}
            onExportVisible={exportVisible}
            onExportAll={exportAll}
          />
        </div>
      </div>
      <FilterExpressionForm
        key={url.expr}
        applied={url.expr}
        validate={validateExpression}
        onApply={applyExpression}
      />
      {visibleExportProblem && (
        <p className="export-status" role="alert">
          {visibleExportProblem}
        </p>
      )}
      <ExportAllStatus />
      {problem && <ErrorPanel {...problem} />}
      {sorted && (
        <p id="referrals-sort-note" className="referrals__sort-note">
          Sorted within this page: the API cannot sort, so other pages keep the API&apos;s order{' '}
          <button
            type="button"
            className="referrals__link-button"
            onClick={() => onSortingChange([])}
          >
            Clear sort
          </button>
        </p>
      )}
      <div onClickCapture={rememberScrollOnOpen}>
        <ReferralsTable
          model={model}
          scrollRef={scrollRef}
          stale={result.stale}
          emptyMessage={emptyMessage}
        />
      </div>
      <Pagination
        page={page}
        pageSize={url.size}
        rowsOnPage={result.stale || result.rows === undefined ? null : rows.length}
        totalCount={result.totalCount}
        lastPage={lastPage}
        hasNextPage={result.hasNextPage}
        loading={result.loading}
        onPageChange={changePage}
        onPageSizeChange={changePageSize}
      />
    </section>
  );
}

/**
 * Back from a referral: once its rows are on screen, scroll the table and the window to where they
 * were when the referral was opened. The window is retried for a few frames, because the charts
 * above may still be growing to their full height.
 */
function useRestoredScroll(
  scrollRef: RefObject<HTMLDivElement | null>,
  search: string,
  ready: boolean,
) {
  useLayoutEffect(() => {
    if (!ready) return;
    const saved = takeTableScroll(search);
    if (!saved) return;
    if (scrollRef.current) scrollRef.current.scrollTop = saved.container;
    let frames = 0;
    let handle = 0;
    const restoreWindow = () => {
      window.scrollTo(0, saved.window);
      frames += 1;
      if (Math.abs(window.scrollY - saved.window) > 1 && frames < 60) {
        handle = requestAnimationFrame(restoreWindow);
      }
    };
    restoreWindow();
    return () => cancelAnimationFrame(handle);
  }, [ready, search, scrollRef]);
}
