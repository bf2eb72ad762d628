// One bar per row, labelled on the right, for the funnel and the breakdowns: the bar is the count, the label
// carries the numbers (so the value axis is hidden), and clicking a bar selects its row.
import { memo, useCallback, useMemo, type ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Tooltip,
  XAxis,
  YAxis,
  type BarRectangleItem,
  type TooltipContentProps,
  type XAxisProps,
} from 'recharts';
import { useChartBodyWidth } from './chart-width';
import { ACCENT, AXIS_TICK, GRID_STROKE } from './chart-theme';
import type { ColorScheme } from '../../../lib/referrals/status-colors';
import { barValueMax } from './model/bar-room';

// Module-level so recharts sees the same props on every render and keeps its computed layout.
const CHART_MARGIN = { top: 4, right: 16, bottom: 0, left: 8 };
const CURSOR = { fillOpacity: 0.08 };

export interface HorizontalBarChartProps<Row> {
  rows: readonly Row[];
  height: number;
  scheme: ColorScheme;
  // The row readers below are stable functions (module-level or memoised), so the chart is not laid out again.
  /** The row's count, which sets the bar's length. */
  value(row: Row): number;
  /** The row's name on the category axis. */
  category(row: Row): string;
  categoryWidth: number;
  /** The label to the right of each bar; the bars leave it room on one line where the chart is wide enough. */
  barLabel(row: Row): string;
  tooltip(props: TooltipContentProps): ReactNode;
  onSelect(row: Row): void;
}

function HorizontalBars<Row>(props: HorizontalBarChartProps<Row>) {
  const { rows, height, scheme, categoryWidth, value, barLabel, onSelect } = props;
  const width = useChartBodyWidth();
  const plotWidth = width - CHART_MARGIN.left - CHART_MARGIN.right - categoryWidth;
  const domain = useMemo<XAxisProps['domain']>(
    () => [
      0,
      barValueMax(
        rows.map((row) => ({ value: value(row), label: barLabel(row) })),
        plotWidth,
      ),
    ],
    [rows, value, barLabel, plotWidth],
  );
  const style = useMemo(() => ({ width: '100%', height }), [height]);
  const onBarClick = useCallback(
    (item: BarRectangleItem) => {
      const row = item.payload as Row | undefined;
      if (row !== undefined) onSelect(row);
    },
    [onSelect],
  );
  return (
    <BarChart
      width={width}
      height={height}
      layout="vertical"
      style={style}
      data={rows as Row[]}
      margin={CHART_MARGIN}
    >
      <CartesianGrid horizontal={false} stroke={GRID_STROKE[scheme]} />
      <XAxis type="number" hide domain={domain} interval={0} />
      <YAxis
        type="category"
        dataKey={props.category}
        width={categoryWidth}
        interval={0}
        tick={AXIS_TICK[scheme]}
        tickLine={false}
      />
      <Tooltip content={props.tooltip} cursor={CURSOR} />
      <Bar
        dataKey={props.value}
        name="Referrals"
        fill={ACCENT[scheme]}
        isAnimationActive={false}
        cursor="pointer"
        onClick={onBarClick}
      >
        <LabelList
          dataKey={props.barLabel}
          position="right"
          fill={AXIS_TICK[scheme].fill}
          fontSize={12}
        />
      </Bar>
    </BarChart>
  );
}

/**
 * Memoised: a chart whose rows and readers are unchanged (a granularity change, which these charts do not show)
 * is not drawn again; recharts re-registers every part of a chart with its store on each render.
 */
export const HorizontalBarChart = memo(HorizontalBars) as typeof HorizontalBars;
