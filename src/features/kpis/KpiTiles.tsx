// The dashboard's key figures for the filter bar's view, each against the previous period of the same length.
import type { ReactNode } from 'react';
import { KpiTile } from '../../components/KpiTile';
import { formatCount, formatPercent } from '../charts/model/rates';
import { useDashboardFilters } from '../filters/useDashboardFilters';
import { KpiChange } from './KpiChange';
import { useDurationMedian, type DurationName } from './api/durationMedians';
import { useKpiCounts } from './api/kpiCounts';
import {
  countChange,
  durationChange,
  formatMedian,
  periodFigures,
  precisionNote,
  rateChange,
  type PeriodCounts,
  type PeriodFigures,
} from './kpiMath';
import './KpiTiles.css';

function figures(counts: PeriodCounts | undefined): PeriodFigures | null {
  return counts ? periodFigures(counts) : null;
}

function Caption({ children, change }: { children: ReactNode; change: ReactNode }) {
  return (
    <>
      {change}
      <span className="kpi-tiles__note">{children}</span>
    </>
  );
}

export function KpiTiles() {
  const state = useDashboardFilters();
  const { range } = state;
  const { current, previous } = useKpiCounts(state);
  const now = figures(current.counts);
  const before = figures(previous.counts);
  const toAccept = useDurationMedian(state, 'toAccept', 'current');
  const previousToAccept = useDurationMedian(state, 'toAccept', 'previous');
  const toWin = useDurationMedian(state, 'toWin', 'current');
  const previousToWin = useDurationMedian(state, 'toWin', 'previous');
  const medians = {
    toAccept: [toAccept, previousToAccept],
    toWin: [toWin, previousToWin],
  } as const;
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

  const durationTile = (label: string, key: DurationName, note: string, zero: string) => {
    const [current, before] = medians[key];
    const precision = precisionNote(current.median);
    return (
      <KpiTile
        label={label}
        value={current.ready ? formatMedian(current.median) : null}
        caption={
          <Caption
            change={
              <KpiChange
                change={
                  current.ready && before.ready
                    ? durationChange(current.median, before.median)
                    : null
                }
                higherIsBetter={false}
                missing={
                  current.ready && current.median === null
                    ? zero
                    : before.ready
                      ? 'None in the previous period to compare with'
                      : 'Comparing…'
                }
              />
            }
          >
            {precision ? `${note}, ${precision}` : note}
          </Caption>
        }
        problem={current.problem}
        updating={current.updating}
      />
    );
  };

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
