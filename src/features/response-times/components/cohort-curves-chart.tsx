// One stage's cohort curves: per cohort, the estimated share that reached the stage within d days (or weeks) of
// creation, each line stopping at its cohort's age, and the curve of all cohorts together.
import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { CurvePoint } from '../../../lib/analytics/cohort-curves';
import { formatPercent } from '../../../lib/format/format';
import {
  AXIS_TICK,
  ChartFrame,
  ChartLegend,
  countColumn,
  GRID_STROKE,
  LegendLine,
  LegendNote,
  rateColumn,
  useColorScheme,
  WithChartWidth,
  type ChartColumn,
  type ColorScheme,
} from '../../overview';
import { cohortLabel, formatDuration, unitWord } from '../model/labels';
import type { StageTimes } from '../model/response-times';
import type { Stage } from '../model/stages';
import type { FigureState } from './figure-state';

interface CurveRow {
  d: number;
  all: number | null;
  atRisk: number;
  /** Share per cohort start; missing past the cohort's age. */
  [cohort: string]: number | null;
}

const ALL_COLOUR: Record<ColorScheme, string> = { light: '#c2410c', dark: '#fb923c' };

/** Older cohorts lighter, newer ones darker (in dark mode the other way round). */
function cohortColour(index: number, count: number, scheme: ColorScheme): string {
  const t = count <= 1 ? 1 : index / (count - 1);
  const lightness = scheme === 'light' ? 82 - 45 * t : 35 + 40 * t;
  return `hsl(214 70% ${lightness}%)`;
}

const CHART_HEIGHT = 300;
const CHART_STYLE = { width: '100%', height: CHART_HEIGHT };
const CHART_MARGIN = { top: 8, right: 16, bottom: 16, left: 0 };

function curveRows(times: StageTimes): CurveRow[] {
  const rows: CurveRow[] = times.all.map((point: CurvePoint) => ({
    d: point.d,
    all: point.share,
    atRisk: point.atRisk,
  }));
  for (const cohort of times.cohorts) {
    cohort.curve.forEach((point, d) => {
      const row = rows[d];
      if (row) row[cohort.start] = point.share;
    });
  }
  return rows;
}

export function CohortCurvesChart({
  stage,
  times,
  figure,
}: {
  stage: Stage;
  times: StageTimes | undefined;
  figure: FigureState;
}) {
  const scheme = useColorScheme();
  const { precision } = figure;
  const rows = useMemo(() => (times ? curveRows(times) : []), [times]);
  const { title, verb } = stage;
  const units = unitWord(precision);
  const cohorts = times?.cohorts ?? [];

  const columns: ChartColumn<CurveRow>[] = [
    {
      header: `${units[0]?.toUpperCase()}${units.slice(1)} after creation`,
      text: (r) => String(r.d),
      csv: (r) => r.d,
    },
    rateColumn('All cohorts', (r) => r.all),
    countColumn('Still waiting and watched (all)', (r) => r.atRisk),
    ...cohorts.map((cohort) =>
      rateColumn<CurveRow>(
        cohortLabel(cohort.start, figure.cohortSize),
        (r) => r[cohort.start] ?? null,
      ),
    ),
  ];

  return (
    <ChartFrame
      title={title}
      description={
        <>
          Share of each cohort (referrals created in the same {figure.cohortSize}) {verb} within d{' '}
          {units} of creation; each line stops at its cohort&apos;s age. All cohorts:{' '}
          <strong>p50 {formatDuration(times?.p50 ?? null, precision)}</strong>,{' '}
          <strong>p90 {formatDuration(times?.p90 ?? null, precision)}</strong>. Referrals not yet{' '}
          {verb} count as waiting up to their age, never as failures.
        </>
      }
      ready={figure.ready}
      updating={figure.updating}
      problem={figure.problem}
      empty={figure.ready && (times?.total ?? 0) === 0}
      columns={columns}
      rows={rows}
      rowKey={(r) => String(r.d)}
      viewDescription={figure.viewDescription}
      footer={
        // In the chart's image too (the legend of every figure is read into it).
        <ChartLegend label="Lines">
          <LegendNote swatch={<LegendLine colour={ALL_COLOUR[scheme]} />}>All cohorts</LegendNote>
          <LegendNote
            swatch={
              <LegendLine colour={cohortColour(cohorts.length - 1, cohorts.length, scheme)} />
            }
          >
            {scheme === 'light' ? 'Lighter to darker' : 'Darker to lighter'} blue: older to newer
            cohorts ({cohorts.length})
          </LegendNote>
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
            <XAxis
              dataKey="d"
              type="number"
              domain={[0, 'dataMax']}
              allowDecimals={false}
              tick={AXIS_TICK[scheme]}
              tickLine={false}
              label={{
                value: `${units} after creation`,
                position: 'insideBottom',
                offset: -8,
                fill: AXIS_TICK[scheme].fill,
                fontSize: 12,
              }}
            />
            <YAxis
              domain={[0, 1]}
              tickFormatter={(v: number) => formatPercent(v)}
              tick={AXIS_TICK[scheme]}
              width={48}
              tickLine={false}
              axisLine={false}
            />
            <Tooltip
              formatter={(value, name) => [
                formatPercent(typeof value === 'number' ? value : null),
                name,
              ]}
              labelFormatter={(d) => `${d} ${units} after creation`}
              contentStyle={{
                background: 'var(--color-surface)',
                borderColor: 'var(--color-border)',
              }}
            />
            {cohorts.map((cohort, index) => (
              <Line
                key={cohort.start}
                name={cohortLabel(cohort.start, figure.cohortSize)}
                dataKey={cohort.start}
                stroke={cohortColour(index, cohorts.length, scheme)}
                strokeWidth={1.5}
                dot={false}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
            <Line
              name="All cohorts"
              dataKey="all"
              stroke={ALL_COLOUR[scheme]}
              strokeWidth={3}
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        )}
      </WithChartWidth>
    </ChartFrame>
  );
}
