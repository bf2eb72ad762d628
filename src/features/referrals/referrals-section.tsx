import { useQueryStates } from 'nuqs';
import { useCallback, useEffect, useRef, useState, type MouseEvent } from 'react';
import { ErrorPanel } from '../../components/error-panel';
import { queryProblem } from '../../components/query-problem';
import { useReferralsClient } from '../../lib/api/client-context';
import { downloadBlob } from '../../lib/csv/download';
import { REFERRAL_FIELDS, type Referral } from '../../lib/referrals/schema';
import { useViewFilters } from '../filters';
import { ColumnsMenu } from './columns-menu';
import { REFERRAL_LINK_ATTRIBUTE } from './columns';
import { ExportAllStatus } from './export/export-all-status';
import { ExportControls } from './export/export-controls';
import { exportFileName, visibleRowsBlob } from './export/export-files';
import { createExportJob } from './export/export-job';
import type { ExportFormat } from './export/export-store';
import { useReferralsExport } from './export/referrals-export';
import { ListSearchProvider, useRowListSearch } from './list-search';
import { startPageTracking, trackPage } from './page-tracking';
import { useTablePaintTiming } from './paint-timing';
import { Pagination } from './pagination';
import { ReferralsTable } from './referrals-table';
import { useTableScroll } from './table-scroll';
import { tableParsers, type ColumnSort, type PageSize } from './table-url-state';
import { useReferralsPage } from './api/referrals-page';
import { useReferralsTable } from './use-referrals-table';
import './referrals.css';

const NO_ROWS: readonly Referral[] = [];

/** The dashboard's referrals: table, paging and export. */
export function ReferralsSection() {
  const client = useReferralsClient();
  const { store: exportStore } = useReferralsExport();
  const { apiFilter: filter, filters, description, summary } = useViewFilters();
  const [url, setUrl] = useQueryStates(tableParsers, { history: 'push' });

  // Any change of the filters returns to the first page (see page-tracking.ts).
  const [tracking, setTracking] = useState(() => startPageTracking(filter, url.page));
  const tracked = trackPage(tracking, filter, url.page);
  if (tracked !== tracking) setTracking(tracked);
  const page = tracked.page;
  useEffect(() => {
    if (page !== url.page) void setUrl({ page }, { history: 'replace' });
  }, [page, url.page, setUrl]);

  const result = useReferralsPage({ filter, page, size: url.size, label: summary });
  // The list as shown now: Back finds the table's scroll under it.
  const listSearch = useRowListSearch(page);
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
  const { keepScroll } = useTableScroll(scrollRef, listSearch, rows.length > 0 && !result.stale);

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
    // The sort is within a page: another page starts in the API's order, as the note says.
    void setUrl({ page: next, sort: null });
    scrollRef.current?.scrollTo({ top: 0 });
  }

  function changePageSize(size: PageSize) {
    setRequestedAt(performance.now());
    void setUrl({ size, page: 1, sort: null });
    scrollRef.current?.scrollTo({ top: 0 });
  }

  function exportVisible(format: ExportFormat) {
    const xlsx = format === 'xlsx';
    const fileName = exportFileName({
      filters: description,
      expression: filters.expression,
      scope: { kind: 'page', page },
      extension: format,
    });
    setVisibleExportProblem(null);
    if (xlsx) {
      // The workbook library loads only now, in a worker, never with the dashboard.
      const { sortedRows, visibleFields } = model;
      void import('./export/xlsx/referrals-xlsx-blob')
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
    downloadBlob(visibleRowsBlob(model.sortedRows, model.visibleFields, format), fileName);
  }

  function exportAll(format: ExportFormat) {
    const fileName = ({ partial }: { partial: boolean }) =>
      exportFileName({
        filters: description,
        expression: filters.expression,
        scope: { kind: 'all' },
        partial,
        extension: format,
      });
    void exportStore.start(
      createExportJob(client, { filter, format, fields: REFERRAL_FIELDS, fileName }),
    );
  }

  function keepScrollOnOpen(event: MouseEvent) {
    if ((event.target as Element).closest(`[${REFERRAL_LINK_ATTRIBUTE}]`)) keepScroll();
  }

  const problem = queryProblem(result.query);
  const sorted = url.sort.length > 0;
  let emptyMessage: string | null = null;
  if (result.rows === undefined) emptyMessage = result.loading ? 'Loading referrals…' : null;
  else if (rows.length === 0) {
    emptyMessage = filters.expression
      ? 'No referral matches these filters and the filter expression. Widen the date range, remove a filter or change the expression.'
      : 'No referral matches these filters. Widen the date range or remove a filter.';
  }
  // Nothing to export once the answer says nothing matches.
  const nothingMatches = result.rows !== undefined && !result.stale && result.totalCount === 0;

  return (
    <section className="referrals" aria-labelledby="referrals-heading">
      <div className="referrals__header">
        <h2 id="referrals-heading">Referrals</h2>
        <div className="referrals__tools">
          <ColumnsMenu model={model} />
          <ExportControls
            canExportVisible={rows.length > 0 && !result.stale}
            canExportAll={!nothingMatches}
            onExportVisible={exportVisible}
            onExportAll={exportAll}
          />
        </div>
      </div>
      {visibleExportProblem && (
        <p className="export-status" role="alert">
          {visibleExportProblem}
        </p>
      )}
      <ExportAllStatus />
      {problem && <ErrorPanel {...problem} />}
      {sorted && (
        <p id="referrals-sort-note" className="referrals__sort-note">
          Sorted within this page: the API cannot sort, so other pages keep the API&apos;s order and
          changing the page clears the sort.{' '}
          <button
            type="button"
            className="referrals__link-button"
            onClick={() => onSortingChange([])}
          >
            Clear sort
          </button>
        </p>
      )}
      {result.previous && (
        <p className="referrals__previous" role="status">
          <strong>Previous result:</strong> these rows are for {result.previous.label}, page{' '}
          {result.previous.page}, not the {result.previous.sameFilter ? 'page' : 'filter'} now
          chosen.
        </p>
      )}
      <div onClickCapture={keepScrollOnOpen}>
        <ListSearchProvider page={page}>
          <ReferralsTable
            model={model}
            scrollRef={scrollRef}
            stale={result.stale}
            emptyMessage={emptyMessage}
          />
        </ListSearchProvider>
      </div>
      <Pagination
        page={page}
        pageSize={url.size}
        rowsOnPage={result.stale || result.rows === undefined ? null : rows.length}
        totalCount={result.previous ? null : result.totalCount}
        lastPage={result.previous ? null : lastPage}
        hasNextPage={result.hasNextPage}
        loading={result.loading}
        onPageChange={changePage}
        onPageSizeChange={changePageSize}
        onNextPageIntent={result.prefetchNext}
      />
    </section>
  );
}
