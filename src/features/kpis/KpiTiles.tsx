// The dashboard's key figures for the filter bar's view, each against the previous period of the same length.
import type { ReactNode } from 'react';
import { KpiTile } from '../../components/KpiTile';
import { formatCount, formatPercent } from '../charts/model/rates';
import { useDashboardFilters } from '../filters';
import { KpiChange } from './KpiChange';
import { useDurationMedian, type DurationName } from './api/durationMedians';
import type { OpenCounts } from '../../lib/analytics/open';
import { useKpiCounts } from './api/kpiCounts';
import {
  countChange,
  durationChange,
  formatMedian,
  periodFigures,
  precisionNote,
  rateChange,
  VS_PREVIOUS,
  VS_SAME_POINT,
  type PeriodCounts,
  type PeriodFigures,
} from './kpiMath';
import './KpiTiles.css';

type OpenKind = keyof OpenCounts;

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
  const { current, previous, open } = useKpiCounts(state);
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
  /** The open referrals a figure still depends on: it may yet move as they are answered or decided. */
  const openNote = (note: string, waiting?: OpenKind) => {
    if (!waiting || !open) return note;
    const count = formatCount(open[waiting]);
    return `${note} · ${waiting === 'awaitingAnswer' ? `${count} not yet answered` : `${count} accepted, still open`}`;
  };

  const countTile = (
    label: string,
    key: 'total' | 'accepted' | 'won',
    note: string,
    waiting?: OpenKind,
  ) => (
    <KpiTile
      label={label}
      value={now ? formatCount(now[key]) : null}
      caption={
        <Caption
          change={
            <KpiChange
              change={
                now && before
                  ? countChange(
                      now[key],
                      before[key],
                      key === 'total' ? VS_PREVIOUS : VS_SAME_POINT,
                    )
                  : null
              }
              missing={noPrevious}
            />
          }
        >
          {openNote(note, waiting)}
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
    waiting: OpenKind,
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
          {openNote(note, waiting)}
        </Caption>
      }
      problem={countProblem}
      updating={updating}
    />
  );

  const durationTile = (
    label: string,
    key: DurationName,
    note: string,
    zero: string,
    waiting: OpenKind,
  ) => {
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
            {openNote(precision ? `${note}, ${precision}` : note, waiting)}
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
      {countTile('Accepted', 'accepted', 'Of these, accepted so far', 'awaitingAnswer')}
      {countTile('Won', 'won', 'Of these, won so far', 'awaitingOutcome')}
      {rateTile(
        'Win rate',
        'winRate',
        'Won ÷ accepted',
        'No accepted referrals to divide by',
        'awaitingOutcome',
      )}
      {rateTile(
        'Acceptance rate',
        'acceptanceRate',
        'Accepted ÷ total',
        'No referrals to divide by',
        'awaitingAnswer',
      )}
      {durationTile(
        'Median time to accept',
        'toAccept',
        'From created to accepted',
        'No accepted referrals',
        'awaitingAnswer',
      )}
      {durationTile(
        'Median time to win',
        'toWin',
        'From accepted to won',
        'No won referrals',
        'awaitingOutcome',
      )}
    </>
  );
}
