// The dashboard's key figures for the filter bar's view, each against the previous period of the same length.
import type { ReactNode } from 'react';
import { KpiTile } from '../../components/KpiTile';
import { useStageCounts } from '../charts/data/useStageCounts';
import { formatCount, formatPercent } from '../charts/model/rates';
import { useDashboardFilters } from '../filters/useDashboardFilters';
import { KpiChange } from './KpiChange';
import { KPI_STAGES, medianFilter } from './kpiQueries';
import {
  countChange,
  durationChange,
  formatDuration,
  periodFigures,
  rateChange,
  type PeriodFigures,
} from './kpiMath';
import { useDurationMedians, type DurationMedians } from './useDurationMedians';
import './KpiTiles.css';

function figures(
  counts: Record<(typeof KPI_STAGES)[number], number> | undefined,
): PeriodFigures | null {
  return counts
    ? periodFigures({
        total: counts.createdDate,
        accepted: counts.acceptedDate,
        won: counts.wonDate,
      })
    : null;
}

function Caption({ children, change }: { children: ReactNode; change: ReactNode }) {
  return (
    <>
      {change}
      <span className="kpi-tiles__note">{children}</span>
    </>
  );
}

function medianCaption(medians: DurationMedians, what: string): string {
  const { loaded, total } = medians.progress;
  if (!medians.ready && total > 1) return `Computing… ${loaded} of ${total} pages`;
  return what;
}

export function KpiTiles() {
  const { filters, range, previousRange } = useDashboardFilters();
  const current = useStageCounts(KPI_STAGES, filters, range);
  const previous = useStageCounts(KPI_STAGES, filters, previousRange);
  const now = figures(current.counts);
  const before = figures(previous.counts);
  const medians = useDurationMedians(medianFilter(filters, range));
  const previousMedians = useDurationMedians(medianFilter(filters, previousRange));
  const countProblem = current.problem;
  const updating = current.updating;
  const noPrevious = previous.ready ? 'None in the previous period to compare with' : 'Comparing…';

  const countTile = (label: string, key: 'total' | 'accepted' | 'won', note: string) => (
    <KpiTile
      label={label}
      value={now ? formatCount(now[key]) : null}
      caption={
        <Caption
          change={
            <KpiChange
              change={now && before ? countChange(now[key], before[key]) : null}
              missing={noPrevious}
            />
          }
        >
          {note}
        </Caption>
      }
      problem={countProblem}
      updating={updating}
    />
  );

  const rateTile = (
    label: string,
    key: 'winRate' | 'acceptanceRate',
    note: string,
    zero: string,
  ) => (
    <KpiTile
      label={label}
      value={now ? formatPercent(now[key]) : null}
      caption={
        <Caption
          change={
            <KpiChange
              change={now && before ? rateChange(now[key], before[key]) : null}
              missing={now && now[key] === null ? zero : noPrevious}
            />
          }
        >
          {note}
        </Caption>
      }
      problem={countProblem}
      updating={updating}
    />
  );

  const durationTile = (label: string, key: 'toAccept' | 'toWin', note: string, zero: string) => (
    <KpiTile
      label={label}
      value={medians.ready ? formatDuration(medians[key]) : null}
      caption={
        <Caption
          change={
            <KpiChange
              change={
                medians.ready && previousMedians.ready
                  ? durationChange(medians[key], previousMedians[key])
                  : null
              }
              higherIsBetter={false}
              missing={
                medians.ready && medians[key] === null
                  ? zero
                  : previousMedians.ready
                    ? 'None in the previous period to compare with'
                    : 'Comparing…'
              }
            />
          }
        >
          {medianCaption(medians, note)}
        </Caption>
      }
      problem={medians.problem}
      updating={medians.updating}
    />
  );

  return (
    <>
      {countTile('Total referrals', 'total', `In the range, ${range.from} to ${range.to}`)}
      {countTile('Accepted', 'accepted', 'Of these, accepted at any time')}
      {countTile('Won', 'won', 'Of these, won at any time')}
      {rateTile('Win rate', 'winRate', 'Won ÷ accepted', 'No accepted referrals to divide by')}
      {rateTile(
        'Acceptance rate',
        'acceptanceRate',
        'Accepted ÷ total',
        'No referrals to divide by',
      )}
      {durationTile(
        'Median time to accept',
        'toAccept',
        'From created to accepted',
        'No accepted referrals',
      )}
      {durationTile('Median time to win', 'toWin', 'From accepted to won', 'No won referrals')}
    </>
  );
}
