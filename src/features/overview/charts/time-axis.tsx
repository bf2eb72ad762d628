// The bucket axis of the time charts: every label that fits the chart's width, without measuring each one.
import { XAxis } from 'recharts';
import { useChartBodyWidth } from './chart-width';
import { AXIS_TICK } from './chart-theme';
import type { ColorScheme } from '../../../lib/referrals/status-colors';
import { timeTickInterval } from './model/tick-interval';

/** `inset`: the chart's width not under the axis (the value axis and the margins), in pixels. */
export function TimeAxis({
  count,
  scheme,
  inset,
}: {
  count: number;
  scheme: ColorScheme;
  inset: number;
}) {
  const width = useChartBodyWidth();
  return (
    <XAxis
      dataKey="tick"
      tick={AXIS_TICK[scheme]}
      tickLine={false}
      interval={timeTickInterval(count, width - inset)}
    />
  );
}
