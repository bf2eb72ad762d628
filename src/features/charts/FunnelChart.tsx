// Referral funnel: created → acknowledged → accepted → won, with the conversion between stages and the ways out.
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
import { useCallback, useMemo } from 'react';
import type { DashboardFilterState } from '../filters/useDashboardFilters';
import { dateFieldLabel } from '../filters/filterState';
import { ChartFrame } from './ChartFrame';
import { WithChartWidth } from './chartWidth';
import type { ChartColumn } from './chartTable';
import { ACCENT, AXIS_TICK, GRID_STROKE } from './chartTheme';
import { useStageCounts } from './data/useStageCounts';
import { FUNNEL_FIELDS, toFunnel, type FunnelStep } from './model/funnel';
import { formatCount, formatPercent } from './model/rates';
import { statusColor } from './model/statusColors';
import { useColorScheme } from './useColorScheme';

export const FUNNEL_CHART_TITLE = 'Referral funnel';

function stepText(step: FunnelStep): string {
  const share = `${formatPercent(step.shareOfCreated)} of created`;
  return step.conversion === null ? share : `${formatPercent(step.conversion)} from previous stage`;
}

function FunnelTooltip({ active, payload }: TooltipContentProps) {
  const step = payload?.[0]?.payload as FunnelStep | undefined;
  if (!active || !step) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">{step.label}</p>
      <p>{formatCount(step.count)} referrals</p>
      <p>{formatPercent(step.shareOfCreated)} of created</p>
      {step.conversion !== null && <p>{formatPercent(step.conversion)} of the previous stage</p>}
    </div>
  );
}

// Module-level so recharts sees the same props on every render and keeps its computed layout.
const CHART_STYLE = { width: '100%', height: 260 };
const CHART_MARGIN = { top: 4, right: 16, bottom: 0, left: 8 };
// Room on the right of the longest bar for its label.
const X_DOMAIN: XAxisProps['domain'] = [0, (max: number) => Math.max(1, max * 1.7)];
const barLabel = (step: FunnelStep) => `${formatCount(step.count)} · ${stepText(step)}`;

export function FunnelChart({ state }: { state: DashboardFilterState }) {
  const scheme = useColorScheme();
  const { filters, range, setFilters } = state;
  const { ready, updating, problem, counts } = useStageCounts(FUNNEL_FIELDS, filters, range);
  const funnel = useMemo(
    () => (counts ? toFunnel(counts) : { stages: [], dropOuts: [] }),
    [counts],
  );
  const rows = [...funnel.stages, ...funnel.dropOuts];
  const reach = useCallback(
    (step: FunnelStep) => ({
      label: step.label,
      apply: () => setFilters({ reached: step.field }),
    }),
    [setFilters],
  );
  const onBarClick = useCallback(
    (item: BarRectangleItem) => {
      const step = item.payload as FunnelStep | undefined;
      if (step) reach(step).apply();
    },
    [reach],
  );

  const columns: ChartColumn<FunnelStep>[] = [
    { header: 'Stage', text: (s) => s.label, csv: (s) => s.label },
    { header: 'Referrals', text: (s) => formatCount(s.count), csv: (s) => s.count, numeric: true },
    {
      header: 'Share of created',
      text: (s) => formatPercent(s.shareOfCreated),
      csv: (s) => s.shareOfCreated,
      numeric: true,
    },
    {
      header: 'From previous stage',
      text: (s) => (s.conversion === null ? '' : formatPercent(s.conversion)),
      csv: (s) => s.conversion,
      numeric: true,
    },
  ];

  return (
    <ChartFrame
      title={FUNNEL_CHART_TITLE}
      description={`Referrals ${dateFieldLabel(filters.dateField).toLowerCase()} in the range that reached each stage (by its date). Click a stage to keep only referrals that reached it.`}
      ready={ready}
      updating={updating}
      problem={problem}
      empty={ready && (counts?.createdDate ?? 0) === 0}
      columns={columns}
      rows={rows}
      rowKey={(s) => s.field}
      rowFilter={reach}
      viewDescription={state.description}
      footer={
        <div className="funnel-dropouts">
          <p className="funnel-dropouts__title">Dropped out</p>
          <ul>
            {funnel.dropOuts.map((step) => (
              <li key={step.field}>
                <button
                  type="button"
                  className="funnel-dropouts__item"
                  onClick={reach(step).apply}
                  aria-label={`Filter by ${step.label}: ${formatCount(step.count)} referrals, ${formatPercent(step.shareOfCreated)} of created`}
                >
                  <span
                    className="chart-legend__swatch"
                    style={{ background: statusColor(step.label, scheme) }}
                    aria-hidden="true"
                  />
                  <span>{step.label}</span>
                  <strong>{formatCount(step.count)}</strong>
                  <span className="funnel-dropouts__share">
                    {formatPercent(step.shareOfCreated)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      }
    >
      <WithChartWidth>
        {(width) => (
          <BarChart
            width={width}
            height={260}
            layout="vertical"
            style={CHART_STYLE}
            data={funnel.stages}
            margin={CHART_MARGIN}
          >
            <CartesianGrid horizontal={false} stroke={GRID_STROKE[scheme]} />
            {/* The bars' labels carry the numbers, so the axis is hidden. */}
            <XAxis type="number" hide domain={X_DOMAIN} interval={0} />
            <YAxis
              type="category"
              dataKey="label"
              width={104}
              interval={0}
              tick={AXIS_TICK[scheme]}
              tickLine={false}
            />
            <Tooltip content={FunnelTooltip} cursor={{ fillOpacity: 0.08 }} />
            <Bar
              dataKey="count"
              name="Referrals"
              fill={ACCENT[scheme]}
              isAnimationActive={false}
              cursor="pointer"
              onClick={onBarClick}
            >
              <LabelList
                dataKey={barLabel}
                position="right"
                fill={AXIS_TICK[scheme].fill}
                fontSize={12}
              />
            </Bar>
          </BarChart>
        )}
      </WithChartWidth>
    </ChartFrame>
  );
}
