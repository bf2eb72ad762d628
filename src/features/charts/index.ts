// The charts feature's public face: the frame every figure uses (caption, View as table, CSV, loading, empty and
// error states) and the chart colours, for figures drawn by other features.
import './charts.css';

export { ChartFrame, type ChartFrameProps } from './ChartFrame';
export { ChartLegend, LegendLine, LegendNote } from './ChartLegend';
export { countColumn, rateColumn, type ChartColumn } from './chartColumns';
export { WithChartWidth } from './chartWidth';
export { ACCENT, AXIS_TICK, GRID_STROKE, MUTED_SERIES } from './chartTheme';
export { useColorScheme } from './useColorScheme';
export type { ColorScheme } from './model/statusColors';
