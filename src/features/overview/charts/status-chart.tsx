// Referrals per status: stacked bars per time bucket (`groupby=status,<date field>` + aggregationLevel).
import { memo, useCallback, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, YAxis, type TooltipContentProps } from 'recharts';
import { dateFieldLabel, type DashboardFilterState } from '../../filters';
import { ChartFrame } from './chart-frame';
import { ChartLegend, LegendToggle } from './chart-legend';
import { WithChartWidth } from './chart-width';
import { TimeAxis } from './time-axis';
import { countColumn, type ChartColumn, type RowFilter } from './chart-columns';
import { useStatusBuckets } from '../api/status-buckets';
import { formatCount, formatPercent, ratio } from '../../../lib/analytics/rates';
import {
  statusColor,
  UNKNOWN_STATUS_LABEL,
  type ColorScheme,
} from '../../../lib/referrals/status-colors';
import { toStatusSeries, type StatusBucketRow } from './model/status-series';
import { useColorScheme } from './use-color-scheme';
import { useHiddenSeries } from './use-hidden-series';
import { AXIS_TICK, GRID_STROKE } from './chart-theme';

export const STATUS_CHART_TITLE = 'Referrals per status';

function StatusTooltip({ active, payload }: TooltipContentProps) {
  const row = payload?.[0]?.payload as StatusBucketRow | undefined;
  if (!active || !row) return null;
  const shown = payload.map((entry) => String(entry.name));
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">{row.label}</p>
      <table>
        <tbody>
          {shown.map((status) => {
            const count = row.counts[status] ?? 0;
            return (
              <tr key={status}>
                <th scope="row">{status}</th>
                <td>{formatCount(count)}</td>
                <td>{formatPercent(ratio(count, row.total))}</td>
              </tr>
            );
          })}
          <tr className="chart-tooltip__total">
            <th scope="row">Total</th>
            <td>{formatCount(row.total)}</td>
            <td />
          </tr>
        </tbody>
      </table>
    </div>
  );
}

// Module-level so recharts sees the same props on every render and keeps its computed layout.
const CHART_HEIGHT = 300;
const CHART_STYLE = { width: '100%', height: CHART_HEIGHT };
const Y_AXIS_WIDTH = 48;
const CHART_MARGIN = { top: 8, right: 8, bottom: 0, left: 0 };
const TOOLTIP_CURSOR = { fillOpacity: 0.08 };

interface StatusBar {
  status: string;
  dataKey(row: StatusBucketRow): number;
  onClick(): void;
}

/** The chart itself, drawn again only when what it shows changes (not when the frame around it re-renders). */
const StatusPlot = memo(function StatusPlot({
  width,
  rows,
  bars,
  hidden,
  scheme,
}: {
  width: number;
  rows: readonly StatusBucketRow[];
  bars: readonly StatusBar[];
  hidden: ReadonlySet<string>;
  scheme: ColorScheme;
}) {
  return (
    <BarChart
      width={width}
      height={CHART_HEIGHT}
      style={CHART_STYLE}
      data={rows as StatusBucketRow[]}
      margin={CHART_MARGIN}
      title={`${STATUS_CHART_TITLE} (chart)`}
    >
      <CartesianGrid vertical={false} stroke={GRID_STROKE[scheme]} />
      <TimeAxis count={rows.length} scheme={scheme} inset={Y_AXIS_WIDTH + 8} />
      <YAxis
        interval={0}
        allowDecimals={false}
        tick={AXIS_TICK[scheme]}
        width={Y_AXIS_WIDTH}
        tickLine={false}
        axisLine={false}
      />
      <Tooltip content={StatusTooltip} cursor={TOOLTIP_CURSOR} />
      {bars.map(({ status, dataKey, onClick }) => (
        <Bar
          key={status}
          name={status}
          dataKey={dataKey}
          stackId="status"
          fill={statusColor(status, scheme)}
          hide={hidden.has(status)}
          isAnimationActive={false}
          cursor={status === UNKNOWN_STATUS_LABEL ? undefined : 'pointer'}
          onClick={onClick}
        />
      ))}
    </BarChart>
  );
});

export function StatusChart({ state }: { state: DashboardFilterState }) {
  const scheme = useColorScheme();
  const { filters, range, granularity, setFilters } = state;
  const [hidden, toggle] = useHiddenSeries<string>();
  const { ready, updating, problem, buckets } = useStatusBuckets(state);
  const series = useMemo(
    () => toStatusSeries(buckets ?? [], filters.dateField, range, granularity),
    [buckets, filters.dateField, range, granularity],
  );
  // Statuses we do not know cannot be filtered on by name: they have no cross-filter.
  const filterBy = useCallback(
    (status: string): RowFilter | null =>
      status === UNKNOWN_STATUS_LABEL
        ? null
        : { label: status, apply: () => setFilters({ status: [status] }) },
    [setFilters],
  );
  // Keyed on the statuses' names, not on the series: a granularity change re-buckets the rows but keeps the
  // statuses, and bars with the same props are not registered with recharts' store again.
  const statusNames = series.statuses.join('\n');
  const bars = useMemo(
    () =>
      (statusNames === '' ? [] : statusNames.split('\n')).map((status) => ({
        status,
        dataKey: (row: StatusBucketRow) => row.counts[status] ?? 0,
        onClick: () => filterBy(status)?.apply(),
      })),
    [statusNames, filterBy],
  );
  const grandTotal = series.rows.reduce((sum, row) => sum + row.total, 0);
  const totals = (status: string) =>
    series.rows.reduce((sum, row) => sum + (row.counts[status] ?? 0), 0);

  const columns: ChartColumn<StatusBucketRow>[] = [
    { header: dateFieldLabel(filters.dateField), text: (r) => r.label, csv: (r) => r.start ?? '' },
    ...series.statuses.map((status) =>
      countColumn<StatusBucketRow>(status, (r) => r.counts[status] ?? 0),
    ),
    countColumn('Total', (r) => r.total),
  ];

  return (
    <ChartFrame
      title={STATUS_CHART_TITLE}
      description={`Referrals by ${dateFieldLabel(filters.dateField).toLowerCase()} date (UTC), per ${granularity}, stacked by current status. Click a bar to filter by its status.`}
      ready={ready}
      updating={updating}
      problem={problem}
      empty={ready && grandTotal === 0}
      columns={columns}
      rows={series.rows}
      rowKey={(r) => r.start ?? 'null'}
      viewDescription={state.description}
      footer={
        <ChartLegend label="Statuses shown">
          {series.statuses.map((status) => (
            <span key={status} className="chart-legend__item">
              <LegendToggle
                shown={!hidden.has(status)}
                onToggle={() => toggle(status)}
                swatch={
                  <span
                    className="chart-legend__swatch"
                    style={{ background: statusColor(status, scheme) }}
                    aria-hidden="true"
                  />
                }
              >
                {status}
                <span className="chart-legend__count">{formatCount(totals(status))}</span>
              </LegendToggle>
              {filterBy(status) && (
                <button
                  type="button"
                  className="chart-legend__filter"
                  onClick={() => filterBy(status)?.apply()}
                  aria-label={`Filter by ${status}`}
                  title={`Filter by ${status}`}
                >
                  <svg viewBox="0 0 16 16" aria-hidden="true">
                    <path d="M2 3h12l-4.5 5.5V13l-3 1.5v-6z" fill="currentColor" />
                  </svg>
                </button>
              )}
            </span>
          ))}
        </ChartLegend>
      }
    >
      <WithChartWidth>
        {(width) => (
          <StatusPlot
            width={width}
            rows={series.rows}
            bars={bars}
            hidden={hidden}
            scheme={scheme}
          />
        )}
      </WithChartWidth>
    </ChartFrame>
  );
}
