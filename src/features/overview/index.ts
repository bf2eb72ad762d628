// The overview feature's public face for other features: the chart frame, columns and colours its figures are
// drawn with, which the response-times figures share.
export {
  ACCENT,
  AXIS_TICK,
  ChartFrame,
  ChartLegend,
  LegendLine,
  LegendNote,
  countColumn,
  GRID_STROKE,
  MUTED_SERIES,
  rateColumn,
  useColorScheme,
  WithChartWidth,
  type ChartColumn,
  type ChartFrameProps,
  type ColorScheme,
} from './charts';
