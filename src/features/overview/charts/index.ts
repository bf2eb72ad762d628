// The charts' face to the rest of the overview: the frame every figure uses (caption, View as table, CSV,
// loading, empty and error states) and the chart colours. overview/index.ts passes them on to other features.
import './charts.css';

export { ChartFrame, type ChartFrameProps } from './chart-frame';
export { ChartLegend, LegendLine, LegendNote } from './chart-legend';
export { countColumn, rateColumn, type ChartColumn } from './chart-columns';
export { WithChartWidth } from './chart-width';
export { ACCENT, AXIS_TICK, GRID_STROKE, MUTED_SERIES } from './chart-theme';
export { useColorScheme } from './use-color-scheme';
export type { ColorScheme } from '../../../lib/referrals/status-colors';
