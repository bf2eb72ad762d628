// Win rate over time: won ÷ accepted per bucket, with the previous period of the same length as a dashed line
// matched by bucket index.
import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, YAxis, type TooltipContentProps } from 'recharts';
import { dateFieldLabel } from '../filters/filterState';
import type { DashboardFilterState } from '../filters/useDashboardFilters';
import { ChartFrame } from './ChartFrame';
import { ChartLegend, LegendToggle } from './ChartLegend';
import { WithChartWidth } from './chartWidth';
import { TimeAxis } from './TimeAxis';
import { countColumn, rateColumn, type ChartColumn } from './chartTable';
import { ACCENT, AXIS_TICK, GRID_STROKE, MUTED_SERIES } from './chartTheme';
import { useWinRateBuckets } from './api/winRateBuckets';
import { formatCount, formatPercent } from './model/rates';
import type { ColorScheme } from './model/statusColors';
import { toWinRateSeries, type WinRateRow } from './model/winRateSeries';
import { useColorScheme } from './useColorScheme';
import { useHiddenSeries } from './useHiddenSeries';

export const WIN_RATE_CHART_TITLE = 'Win rate over time';

type WinRateLine = 'current' | 'previous';

/** The lines the partner has switched off with the legend. */
type HiddenLines = ReadonlySet<WinRateLine>;

function WinRateTooltip({
  active,
  payload,
  hidden,
}: TooltipContentProps & { hidden: HiddenLines }) {
  const row = payload?.[0]?.payload as WinRateRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">{row.label}</p>
      {!hidden.has('current') && (
        <p>
          Win rate {formatPercent(row.winRate)} ({formatCount(row.won)} won of{' '}
          {formatCount(row.accepted)} accepted)
        </p>
      )}
      {!hidden.has('previous') && row.previousLabel !== null && (
        <p className="chart-tooltip__muted">
          {row.previousLabel}: {formatPercent(row.previousWinRate)}
          {row.previousAccepted !== null &&
            ` (${formatCount(row.previousWon ?? 0)} won of ${formatCount(row.previousAccepted)} accepted)`}
        </p>
      )}
    </div>
  );
}

/** The chart's lines, as its legend names them and as they are drawn. */
const LINES: {
  line: WinRateLine;
  name: string;
  dataKey: keyof WinRateRow;
  colour: Record<ColorScheme, string>;
  dashed: boolean;
  /** A dot on each bucket, while the buckets stay apart. */
  dots: boolean;
}[] = [
  {
    line: 'current',
    name: 'This period',
    dataKey: 'winRate',
    colour: ACCENT,
    dashed: false,
    dots: true,
  },
  // Its dates are in the chart's description.
  {
    line: 'previous',
    name: 'Previous period',
    dataKey: 'previousWinRate',
    colour: MUTED_SERIES,
    dashed: true,
    dots: false,
  },
];
const DASH = '6 4';

// Module-level so recharts sees the same props on every render and keeps its computed layout.
const CHART_HEIGHT = 300;
const CHART_STYLE = { width: '100%', height: CHART_HEIGHT };
const Y_AXIS_WIDTH = 48;
const CHART_MARGIN = { top: 8, right: 16, bottom: 0, left: 0 };

export function WinRateChart({ state }: { state: DashboardFilterState }) {
  const scheme = useColorScheme();
  const { filters, range, previousRange, granularity } = state;
  const [hidden, toggle] = useHiddenSeries<WinRateLine>();
  const tooltip = useMemo(
    () => (props: TooltipContentProps) => <WinRateTooltip {...props} hidden={hidden} />,
    [hidden],
  );
  const ranges = useMemo(
    () => ({ current: range, previous: previousRange }),
    [range, previousRange],
  );
  const { ready, updating, problem, current, previous } = useWinRateBuckets(state);
  const rows = useMemo(
    () =>
      current ? toWinRateSeries(current, previous, filters.dateField, ranges, granularity) : [],
    [current, previous, filters.dateField, ranges, granularity],
  );

  const columns: ChartColumn<WinRateRow>[] = [
    { header: dateFieldLabel(filters.dateField), text: (r) => r.label, csv: (r) => r.start },
    countColumn('Accepted', (r) => r.accepted),
    countColumn('Won', (r) => r.won),
    rateColumn('Win rate', (r) => r.winRate),
    { header: 'Previous period', text: (r) => r.previousLabel ?? '', csv: (r) => r.previousLabel },
    rateColumn('Previous win rate', (r) => r.previousWinRate),
  ];

  return (
    <ChartFrame
      title={WIN_RATE_CHART_TITLE}
      description={`Won ÷ accepted among referrals by ${dateFieldLabel(filters.dateField).toLowerCase()} date, per ${granularity}; dashed: the ${previousRange.from} to ${previousRange.to} period. Gaps: nothing accepted.`}
      ready={ready}
      updating={updating}
      problem={problem}
      empty={ready && rows.every((r) => r.accepted === 0)}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.start}
      viewDescription={state.description}
      footer={
        <ChartLegend label="Lines shown">
          {LINES.map(({ line, name, colour, dashed }) => (
            <span key={line} className="chart-legend__item">
              <LegendToggle
                shown={!hidden.has(line)}
                onToggle={() => toggle(line)}
                swatch={
                  <span
                    className={`chart-legend__line${dashed ? ' chart-legend__line--dashed' : ''}`}
                    style={{ borderColor: colour[scheme] }}
                    aria-hidden="true"
                  />
                }
              >
                {name}
              </LegendToggle>
            </span>
          ))}
        </ChartLegend>
      }
    >
      <WithChartWidth>
        {(width) => (
          <LineChart
            width={width}
            height={CHART_HEIGHT}
            style={CHART_STYLE}
            data={rows}
            margin={CHART_MARGIN}
          >
            <CartesianGrid vertical={false} stroke={GRID_STROKE[scheme]} />
            <TimeAxis count={rows.length} scheme={scheme} inset={Y_AXIS_WIDTH + 16} />
            <YAxis
              interval={0}
              domain={[0, 1]}
              tickFormatter={formatPercent}
              tick={AXIS_TICK[scheme]}
              width={Y_AXIS_WIDTH}
              tickLine={false}
              axisLine={false}
            />
            <Tooltip content={tooltip} />
            {LINES.map(({ line, name, dataKey, colour, dashed, dots }) => (
              <Line
                key={line}
                name={name}
                dataKey={dataKey}
                stroke={colour[scheme]}
                strokeWidth={2}
                strokeDasharray={dashed ? DASH : undefined}
                hide={hidden.has(line)}
                dot={dots && rows.length <= 40}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        )}
      </WithChartWidth>
    </ChartFrame>
  );
}
