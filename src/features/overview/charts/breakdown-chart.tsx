// Referrals by a text field with the win rate of each value: customer market (top 10 and Other) and organisation
// size (in size order). Bars count referrals; each bar's label gives its win rate.
import { useCallback, useMemo } from 'react';
import type { TooltipContentProps } from 'recharts';
import type { DashboardFilterState } from '../../filters';
import { ChartFrame } from './chart-frame';
import { countColumn, rateColumn, type ChartColumn, type RowFilter } from './chart-columns';
import { useBreakdownBuckets, type BreakdownField } from '../api/breakdown-buckets';
import { HorizontalBarChart } from './horizontal-bar-chart';
import { toMarketBreakdown, toOrgSizeBreakdown, type BreakdownRow } from './model/breakdown';
import { formatCount, formatPercent } from '../../../lib/analytics/rates';
import { useColorScheme } from './use-color-scheme';

const MARKET_CHART_TITLE = 'Referrals by customer market';
const ORG_SIZE_CHART_TITLE = 'Referrals by organisation size';

const SETTINGS: Record<
  BreakdownField,
  {
    title: string;
    header: string;
    description: string;
    rows: typeof toMarketBreakdown;
  }
> = {
  customerMarket: {
    title: MARKET_CHART_TITLE,
    header: 'Customer market',
    description:
      'The 10 markets with most referrals, the rest as Other; win rate is won ÷ accepted. Click a market to filter by it.',
    rows: (input) => toMarketBreakdown(input),
  },
  customerOrgSize: {
    title: ORG_SIZE_CHART_TITLE,
    header: 'Organisation size',
    description:
      'Employees at the customer: the current size bands smallest first, then the older bands Partner Center used before (marked "older"; they overlap the current ones). Win rate is won ÷ accepted. Click a size to filter by it.',
    rows: toOrgSizeBreakdown,
  },
};

function winRateText(row: BreakdownRow): string {
  return row.winRate === null ? 'no accepted referrals' : `${formatPercent(row.winRate)} won`;
}

function BreakdownTooltip({ active, payload }: TooltipContentProps) {
  const row = payload?.[0]?.payload as BreakdownRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">{row.label}</p>
      <p>{formatCount(row.total)} referrals</p>
      <p>
        {formatCount(row.accepted)} accepted, {formatCount(row.won)} won
      </p>
      <p>Win rate: {row.winRate === null ? '— (none accepted)' : formatPercent(row.winRate)}</p>
    </div>
  );
}

const rowTotal = (row: BreakdownRow) => row.total;
const rowLabel = (row: BreakdownRow) => row.label;
const rowGroup = (row: BreakdownRow) => row.group;
const barLabel = (row: BreakdownRow) => `${formatCount(row.total)} · ${winRateText(row)}`;

export function BreakdownChart({
  field,
  state,
}: {
  field: BreakdownField;
  state: DashboardFilterState;
}) {
  const scheme = useColorScheme();
  const settings = SETTINGS[field];
  const { setFilters } = state;
  const { ready, updating, problem, input } = useBreakdownBuckets(field, state);
  const rows = useMemo(() => (input ? settings.rows(input) : []), [input, settings]);

  const filterBy = useCallback(
    (row: BreakdownRow): RowFilter | null => {
      const value = row.value;
      // "Other" sums many values and "Unknown" has none: neither is one value to filter by.
      if (value === null || value === undefined) return null;
      return { label: row.label, apply: () => setFilters({ [field]: [value] }) };
    },
    [field, setFilters],
  );
  const select = useCallback((row: BreakdownRow) => filterBy(row)?.apply(), [filterBy]);

  const columns: ChartColumn<BreakdownRow>[] = [
    { header: settings.header, text: (r) => r.label, csv: (r) => r.label },
    // Sizes are relabelled on screen ("1–9"); the CSV keeps the API's code beside them.
    ...(field === 'customerOrgSize'
      ? [
          {
            header: `${settings.header} (API code)`,
            text: (r: BreakdownRow) => r.value ?? '',
            csv: (r: BreakdownRow) => r.value,
            csvOnly: true,
          },
        ]
      : []),
    countColumn('Referrals', (r) => r.total),
    countColumn('Accepted', (r) => r.accepted),
    countColumn('Won', (r) => r.won),
    rateColumn('Win rate', (r) => r.winRate),
  ];

  return (
    <ChartFrame
      title={settings.title}
      description={settings.description}
      ready={ready}
      updating={updating}
      problem={problem}
      empty={ready && rows.every((r) => r.total === 0)}
      columns={columns}
      rows={rows}
      rowKey={(r) => (r.value === undefined ? 'other' : (r.value ?? 'null'))}
      rowFilter={filterBy}
      rowGroup={rowGroup}
      viewDescription={state.description}
    >
      <HorizontalBarChart
        rows={rows}
        height={Math.max(160, rows.length * 30 + 24)}
        scheme={scheme}
        value={rowTotal}
        category={rowLabel}
        categoryWidth={field === 'customerMarket' ? 80 : 112}
        barLabel={barLabel}
        tooltip={BreakdownTooltip}
        onSelect={select}
      />
    </ChartFrame>
  );
}
