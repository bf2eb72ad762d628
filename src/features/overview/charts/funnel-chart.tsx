// Referral funnel: created → acknowledged → accepted → won, with the conversion between stages and the ways out.
import { useCallback, useMemo } from 'react';
import type { TooltipContentProps } from 'recharts';
import { type DashboardFilterState, dateFieldLabel } from '../../filters';
import type { DateField } from '../../../lib/referrals/schema';
import { ChartFrame } from './chart-frame';
import { countColumn, rateColumn, type ChartColumn } from './chart-columns';
import { useStageCounts } from '../api/funnel-counts';
import { HorizontalBarChart } from './horizontal-bar-chart';
import { toFunnel, type FunnelStep } from './model/funnel';
import { formatCount, formatPercent } from '../../../lib/analytics/rates';
import { statusColor } from '../../../lib/referrals/status-colors';
import { useColorScheme } from './use-color-scheme';

const FUNNEL_CHART_TITLE = 'Referral funnel';

/** The first stage as a share's base: "created", or "accepted in range" when the range applies to acceptance. */
function firstStageLabel(dateField: DateField): string {
  return dateField === 'createdDate' ? 'Created' : `${dateFieldLabel(dateField)} in range`;
}

function stepText(step: FunnelStep, base: string): string {
  const share = `${formatPercent(step.shareOfCreated)} of ${base}`;
  return step.conversion === null ? share : `${formatPercent(step.conversion)} from previous stage`;
}

function FunnelTooltip({ active, payload, base }: TooltipContentProps & { base: string }) {
  const step = payload?.[0]?.payload as FunnelStep | undefined;
  if (!active || !step) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">{step.label}</p>
      <p>{formatCount(step.count)} referrals</p>
      <p>
        {formatPercent(step.shareOfCreated)} of {base}
      </p>
      {step.conversion !== null && <p>{formatPercent(step.conversion)} of the previous stage</p>}
    </div>
  );
}

const stepCount = (step: FunnelStep) => step.count;
const stepLabel = (step: FunnelStep) => step.label;

export function FunnelChart({ state }: { state: DashboardFilterState }) {
  const scheme = useColorScheme();
  const { filters, setFilters } = state;
  const { ready, updating, problem, counts } = useStageCounts(state);
  const first = firstStageLabel(filters.dateField);
  const base = first.toLowerCase();
  const funnel = useMemo(
    () => (counts ? toFunnel(counts, first) : { stages: [], dropOuts: [] }),
    [counts, first],
  );
  const barLabel = useCallback(
    (step: FunnelStep) => `${formatCount(step.count)} · ${stepText(step, base)}`,
    [base],
  );
  const tooltip = useCallback(
    (props: TooltipContentProps) => <FunnelTooltip {...props} base={base} />,
    [base],
  );
  const rows = [...funnel.stages, ...funnel.dropOuts];
  const reach = useCallback(
    (step: FunnelStep) => ({
      label: step.label,
      apply: () => setFilters({ reached: step.field }),
    }),
    [setFilters],
  );
  const select = useCallback((step: FunnelStep) => reach(step).apply(), [reach]);

  const columns: ChartColumn<FunnelStep>[] = [
    { header: 'Stage', text: (s) => s.label, csv: (s) => s.label },
    countColumn('Referrals', (s) => s.count),
    rateColumn(`Share of ${base}`, (s) => s.shareOfCreated),
    {
      header: 'From previous stage',
      text: (s) => (s.conversion === null ? '' : formatPercent(s.conversion)),
      csv: (s) => (s.conversion === null ? null : formatPercent(s.conversion)),
      numeric: true,
    },
  ];

  return (
    <ChartFrame
      title={FUNNEL_CHART_TITLE}
      description={`Referrals ${dateFieldLabel(filters.dateField).toLowerCase()} in the range that reached each stage (by its date), and every way out; archived often follows another way out. Click a stage to keep only referrals that reached it.`}
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
                  aria-label={`Filter by ${step.label}: ${formatCount(step.count)} referrals, ${formatPercent(step.shareOfCreated)} of ${base}`}
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
      <HorizontalBarChart
        rows={funnel.stages}
        height={260}
        scheme={scheme}
        value={stepCount}
        category={stepLabel}
        categoryWidth={104}
        barLabel={barLabel}
        tooltip={tooltip}
        onSelect={select}
      />
    </ChartFrame>
  );
}
