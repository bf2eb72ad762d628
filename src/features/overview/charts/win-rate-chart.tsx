// Win rate over time: won ÷ accepted per bucket, with the period the filter bar compares with (the previous one of
// the same length, or the same days last year), as it stood at the same age, as a dashed line matched by bucket
// index; no dashed line when comparisons are off.
import { memo, useMemo, type ReactNode } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  Tooltip,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import { useNow, utcToday } from '../../filters';
import {
  COMPARISON_LABELS,
  COMPARISON_NAMES,
  comparisonTitle,
  type ComparisonPeriod,
} from '../../../lib/dates/comparison';
import { dateFieldLabel } from '../../filters';
import type { DashboardFilterState } from '../../filters';
import { ChartFrame } from './chart-frame';
import { ChartLegend, LegendToggle } from './chart-legend';
import { WithChartWidth } from './chart-width';
import { TimeAxis } from './time-axis';
import { countColumn, rateColumn, type ChartColumn } from './chart-columns';
import { ACCENT, AXIS_TICK, GRID_STROKE, MUTED_SERIES } from './chart-theme';
import { useWinRateBuckets } from '../api/win-rate-buckets';
import { useWinRateMaturity } from '../api/win-rate-maturity';
import { formatCount, formatPercent } from '../../../lib/analytics/rates';
import type { ColorScheme } from '../../../lib/referrals/status-colors';
import { TIME_LABEL_WIDTH_PX } from './model/tick-interval';
import {
  maturingFromDay,
  winHorizonDays,
  withMaturity,
  type WinRateMaturityRow,
} from './model/win-rate-maturity';
import { toWinRateSeries } from './model/win-rate-series';
import { useColorScheme } from './use-color-scheme';
import { useHiddenSeries } from './use-hidden-series';

const WIN_RATE_CHART_TITLE = 'Win rate over time';

type WinRateLine = 'current' | 'decided' | 'previous';

/** The lines the partner has switched off with the legend. */
type HiddenLines = ReadonlySet<WinRateLine>;

function WinRateTooltip({
  active,
  payload,
  hidden,
  comparison,
}: TooltipContentProps & { hidden: HiddenLines; comparison: ComparisonPeriod | null }) {
  const row = payload?.[0]?.payload as WinRateMaturityRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">{row.label}</p>
      {!hidden.has('current') && (
        <p>
          Win rate {formatPercent(row.winRate)} ({formatCount(row.won)} won of{' '}
          {formatCount(row.accepted)} accepted
          {row.open > 0 && `, ${formatCount(row.open)} still open`})
        </p>
      )}
      {!hidden.has('decided') && (
        <p>
          Decided win rate {formatPercent(row.decidedWinRate)} ({formatCount(row.won)} won,{' '}
          {formatCount(row.lost)} lost)
        </p>
      )}
      {row.maturing && (
        <p className="chart-tooltip__muted">Still maturing: this figure will still move.</p>
      )}
      {comparison && !hidden.has('previous') && row.previousLabel !== null && (
        <p className="chart-tooltip__muted">
          {COMPARISON_LABELS[comparison.kind]}, {row.previousLabel}:{' '}
          {formatPercent(row.previousWinRate)}
          {row.previousAccepted !== null &&
            ` (${formatCount(row.previousWon ?? 0)} won of ${formatCount(row.previousAccepted)} accepted)`}
        </p>
      )}
    </div>
  );
}

/** The decided win rate's line (--color-success). */
const DECIDED: Record<ColorScheme, string> = { light: '#1a7f4b', dark: '#4ade80' };

interface LineSpec {
  line: WinRateLine;
  name: string;
  dataKey: keyof WinRateMaturityRow;
  colour: Record<ColorScheme, string>;
  dashed: boolean;
  /** A dot on each bucket, while the buckets stay apart. */
  dots: boolean;
}

/** The chart's lines, as its legend names them and as they are drawn; the dashed one only with a comparison. */
function chartLines(comparison: ComparisonPeriod | null): LineSpec[] {
  return [
    // Drawn solid where settled and faded where still maturing (see MATURING_OPACITY).
    {
      line: 'current',
      name: 'This period',
      dataKey: 'settledWinRate',
      colour: ACCENT,
      dashed: false,
      dots: true,
    },
    {
      line: 'decided',
      name: 'Decided win rate (won ÷ (won + lost))',
      dataKey: 'decidedWinRate',
      colour: DECIDED,
      dashed: false,
      dots: false,
    },
    ...(comparison
      ? [
          {
            line: 'previous',
            name: comparisonTitle(comparison),
            dataKey: 'previousWinRate',
            colour: MUTED_SERIES,
            dashed: true,
            dots: false,
          } satisfies LineSpec,
        ]
      : []),
  ];
}
const DASH = '6 4';
/** Buckets still maturing: the line faded, the area behind them shaded. */
const MATURING_OPACITY = 0.4;
const MATURING_FILL: Record<ColorScheme, string> = { light: '#8a5a00', dark: '#fbbf24' };

// Module-level so recharts sees the same props on every render and keeps its computed layout.
const CHART_HEIGHT = 300;
const CHART_STYLE = { width: '100%', height: CHART_HEIGHT };
const Y_AXIS_WIDTH = 48;
// Lines reach the plot's right edge, so the last date label is centred on it: room for its half.
const CHART_MARGIN = { top: 8, right: TIME_LABEL_WIDTH_PX / 2 + 4, bottom: 0, left: 0 };

/** The table's columns of the comparison period, named after it: its bucket matched by index, and its win rate. */
function comparisonColumns(comparison: ComparisonPeriod): ChartColumn<WinRateMaturityRow>[] {
  const label = COMPARISON_LABELS[comparison.kind];
  return [
    { header: label, text: (r) => r.previousLabel ?? '', csv: (r) => r.previousLabel },
    rateColumn(`Win rate, ${label.toLowerCase()}`, (r) => r.previousWinRate),
  ];
}

/** The chart itself, drawn again only when what it shows changes (not when the frame around it re-renders). */
const WinRatePlot = memo(function WinRatePlot({
  width,
  rows,
  lines,
  hidden,
  tooltip,
  scheme,
  maturingFrom,
  maturingTo,
}: {
  width: number;
  rows: WinRateMaturityRow[];
  lines: readonly LineSpec[];
  hidden: HiddenLines;
  tooltip(props: TooltipContentProps): ReactNode;
  scheme: ColorScheme;
  /** The ticks of the first still-maturing bucket and of the last one, when some are still maturing. */
  maturingFrom: string | undefined;
  maturingTo: string | undefined;
}) {
  return (
    <LineChart
      width={width}
      height={CHART_HEIGHT}
      style={CHART_STYLE}
      data={rows}
      margin={CHART_MARGIN}
    >
      <CartesianGrid vertical={false} stroke={GRID_STROKE[scheme]} />
      <TimeAxis count={rows.length} scheme={scheme} inset={Y_AXIS_WIDTH + CHART_MARGIN.right} />
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
      {maturingFrom !== undefined && maturingTo !== undefined && (
        <ReferenceArea
          x1={maturingFrom}
          x2={maturingTo}
          fill={MATURING_FILL[scheme]}
          fillOpacity={0.1}
          ifOverflow="extendDomain"
          className="win-rate-maturing-area"
        />
      )}
      {lines.map(({ line, name, dataKey, colour, dashed, dots }) => (
        <Line
          key={line}
          className={`win-rate-line--${line}`}
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
      <Line
        key="current-maturing"
        className="win-rate-line--current"
        name="This period (still maturing)"
        dataKey="maturingWinRate"
        stroke={ACCENT[scheme]}
        strokeOpacity={MATURING_OPACITY}
        strokeWidth={2}
        hide={hidden.has('current')}
        dot={
          rows.length <= 40
            ? { fillOpacity: MATURING_OPACITY, strokeOpacity: MATURING_OPACITY }
            : false
        }
        isAnimationActive={false}
      />
    </LineChart>
  );
});

export function WinRateChart({ state }: { state: DashboardFilterState }) {
  const scheme = useColorScheme();
  const { filters, range, comparison, granularity } = state;
  const [hidden, toggle] = useHiddenSeries<WinRateLine>();
  const tooltip = useMemo(
    () => (props: TooltipContentProps) => (
      <WinRateTooltip {...props} hidden={hidden} comparison={comparison} />
    ),
    [hidden, comparison],
  );
  const ranges = useMemo(
    () => ({ current: range, previous: comparison?.range ?? null }),
    [range, comparison],
  );
  const lines = useMemo(() => chartLines(comparison), [comparison]);
  const { ready, updating, problem, current, previous } = useWinRateBuckets(state);
  const today = utcToday(useNow());
  const { lost, timeToWin } = useWinRateMaturity(state);
  const maturingFrom = useMemo(
    () => (timeToWin ? maturingFromDay(today, winHorizonDays(timeToWin, filters.dateField)) : null),
    [today, timeToWin, filters.dateField],
  );
  const rows = useMemo(
    () =>
      current
        ? withMaturity(
            toWinRateSeries(current, previous, filters.dateField, ranges, granularity),
            lost ?? [],
            filters.dateField,
            granularity,
            maturingFrom,
          )
        : [],
    [current, previous, filters.dateField, ranges, granularity, lost, maturingFrom],
  );
  const maturityPending = lost === undefined || timeToWin === undefined;
  const firstMaturing = rows.find((r) => r.maturing);
  const lastRow = rows.at(-1);

  const columns: ChartColumn<WinRateMaturityRow>[] = [
    { header: dateFieldLabel(filters.dateField), text: (r) => r.label, csv: (r) => r.start },
    countColumn('Accepted', (r) => r.accepted),
    countColumn('Won', (r) => r.won),
    rateColumn('Win rate', (r) => r.winRate),
    countColumn('Lost', (r) => r.lost),
    countColumn('Open', (r) => r.open),
    rateColumn('Decided win rate', (r) => r.decidedWinRate),
    {
      header: 'Still maturing',
      text: (r) => (r.maturing ? 'Yes' : ''),
      csv: (r) => (r.maturing ? 'yes' : 'no'),
    },
    ...(comparison ? comparisonColumns(comparison) : []),
  ];
  const compared = comparison
    ? `dashed: ${COMPARISON_NAMES[comparison.kind]}, ${comparison.range.from} to ${comparison.range.to}, at the same point, counting only acceptances and wins dated before ${comparison.outcomeCutoff}, so its referrals have had as long as this period's.`
    : 'no comparison (off in the filter bar).';

  return (
    <ChartFrame
      title={WIN_RATE_CHART_TITLE}
      description={`Won ÷ accepted among referrals by ${dateFieldLabel(filters.dateField).toLowerCase()} date (UTC), per ${granularity}; green: won ÷ (won + lost), the decided ones; ${compared} Gaps: nothing accepted. Shaded and faded: still maturing, buckets with referrals younger than the time 75% of wins take (over the last 24 months, to a month), whose win rate will still move; Open in the table: accepted, neither won nor lost.`}
      ready={ready}
      updating={updating || (ready && maturityPending)}
      problem={problem}
      empty={ready && rows.every((r) => r.accepted === 0)}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.start}
      viewDescription={state.description}
      footer={
        <ChartLegend label="Lines shown">
          {lines.map(({ line, name, colour, dashed }) => (
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
          {firstMaturing && (
            <span className="chart-legend__item chart-legend__note">
              <span
                className="chart-legend__swatch chart-legend__swatch--maturing"
                aria-hidden="true"
              />
              Still maturing
            </span>
          )}
        </ChartLegend>
      }
    >
      <WithChartWidth>
        {(width) => (
          <WinRatePlot
            width={width}
            rows={rows}
            lines={lines}
            hidden={hidden}
            tooltip={tooltip}
            scheme={scheme}
            maturingFrom={firstMaturing?.tick}
            maturingTo={lastRow?.tick}
          />
        )}
      </WithChartWidth>
    </ChartFrame>
  );
}
