// Every chart's frame: a <figure> named by its caption, the chart or its table, a CSV of its buckets, and the
// loading, empty and error states.
import { useId, useRef, useState, type ReactNode } from 'react';
import { ErrorPanel, type ErrorPanelProps } from '../../../components/error-panel';
import { CSV_MIME_TYPE } from '../../../lib/csv/csv';
import { downloadBlob } from '../../../lib/csv/download';
import { usePrinting } from '../../../lib/print/use-printing';
import { ChartTable } from './chart-table';
import { ChartWidthContext, PRINT_CHART_WIDTH, useElementWidth } from './chart-width';
import { chartCsv, chartFileName, type ChartColumn, type RowFilter } from './chart-columns';
import { ChartImageButtons } from './image/chart-image-buttons';

export interface ChartFrameProps<Row> {
  title: string;
  /** One line under the caption saying what is counted. */
  description: ReactNode;
  ready: boolean;
  updating: boolean;
  problem: ErrorPanelProps | null;
  /** True when the data holds no referrals: the chart is replaced by a note saying why. */
  empty: boolean;
  columns: readonly ChartColumn<Row>[];
  rows: readonly Row[];
  rowKey(row: Row): string;
  rowFilter?: (row: Row) => RowFilter | null;
  /** The group a row is listed under in the table (a heading row opens each group); none for most. */
  rowGroup?: (row: Row) => string | undefined;
  /** File-name text of the view (useDashboardFilters().description). */
  viewDescription: string;
  /** The chart itself; only rendered when there is data to draw. */
  children: ReactNode;
  /** Extra content under the chart or table (e.g. the funnel's drop-outs). */
  footer?: ReactNode;
}

export function ChartFrame<Row>(props: ChartFrameProps<Row>) {
  const { title, description, ready, updating, problem, empty, columns, rows } = props;
  const [asTable, setAsTable] = useState(false);
  const captionId = useId();
  const bodyRef = useRef<HTMLDivElement>(null);
  const screenWidth = useElementWidth(bodyRef);
  const bodyWidth = usePrinting() ? PRINT_CHART_WIDTH : screenWidth;
  const hasData = ready && !empty;

  const download = () =>
    downloadBlob(
      new Blob([chartCsv(columns, rows)], { type: CSV_MIME_TYPE }),
      chartFileName(title, props.viewDescription),
    );

  let body: ReactNode;
  if (!ready && problem !== null) {
    body = <ErrorPanel {...problem} compact />;
  } else if (!ready) {
    body = (
      <div className="chart__skeleton" aria-hidden="true">
        {Array.from({ length: 12 }, (_, i) => (
          <span key={i} style={{ height: `${30 + ((i * 37) % 60)}%` }} />
        ))}
      </div>
    );
  } else if (empty) {
    body = (
      <div className="chart__empty">
        <p>
          <strong>No referrals match these filters.</strong>
        </p>
        <p>
          Try a longer date range or remove a filter. Partner Center data can lag by about a day, so
          the newest referrals may not be here yet.
        </p>
      </div>
    );
  } else if (asTable) {
    body = (
      <ChartTable
        title={title}
        columns={columns}
        rows={rows}
        rowKey={props.rowKey}
        rowFilter={props.rowFilter}
        rowGroup={props.rowGroup}
      />
    );
  } else {
    body = props.children;
  }

  return (
    <figure
      className="chart"
      aria-labelledby={captionId}
      aria-busy={!ready || updating}
      data-state={!ready ? (problem ? 'error' : 'loading') : empty ? 'empty' : 'ready'}
    >
      <div className="chart__head">
        <div>
          <figcaption id={captionId} className="chart__title">
            {title}
          </figcaption>
          <p className="chart__description">{description}</p>
        </div>
        <div className="chart__actions">
          <button
            type="button"
            className="button chart__action"
            disabled={!hasData}
            onClick={() => setAsTable((value) => !value)}
          >
            {asTable ? 'View as chart' : 'View as table'}
          </button>
          <button
            type="button"
            className="button chart__action"
            disabled={!hasData}
            onClick={download}
          >
            Download CSV
          </button>
          <ChartImageButtons
            title={title}
            fileName={chartFileName(title, props.viewDescription).replace(/\.csv$/, '')}
            body={bodyRef}
            disabled={!hasData || asTable}
          />
        </div>
      </div>
      {ready && problem !== null && <ErrorPanel {...problem} compact />}
      {!ready && <p className="visually-hidden">Loading {title}…</p>}
      <div ref={bodyRef} className={`chart__body${updating ? ' chart__body--updating' : ''}`}>
        <ChartWidthContext value={bodyWidth}>{body}</ChartWidthContext>
      </div>
      {hasData && props.footer}
    </figure>
  );
}
