// The dashboard's key figures for the filter bar's view, each against the period the filter bar compares with (the
// previous period of the same length, or the same days last year), or alone when comparisons are off.
import { memo, useDeferredValue, useMemo, type ReactNode } from 'react';
import { KpiTile } from '../../../components/kpi-tile';
import { formatCount, formatPercent } from '../../../lib/analytics/rates';
import { COMPARISON_NAMES, type ComparisonPeriod } from '../../../lib/dates/comparison';
import { useDashboardFilters } from '../../filters';
import { KpiChange } from './kpi-change';
import { useDurationMedian, type DurationName } from '../api/duration-medians';
import type { OpenCounts } from '../../../lib/analytics/open';
import { useKpiCounts } from '../api/kpi-counts';
import type { PlanState } from '../api/use-planned-queries';
import {
  comparedWith,
  countChange,
  durationChange,
  formatMedian,
  periodFigures,
  precisionNote,
  rateChange,
  type PeriodCounts,
  type PeriodFigures,
} from './kpi-math';
import './kpi-tiles.css';

type OpenKind = keyof OpenCounts;

function figures(counts: PeriodCounts | undefined): PeriodFigures | null {
  return counts ? periodFigures(counts) : null;
}

/** The comparison in full, on hovering a change: its days and the same-age cut-off. */
function comparisonHint(comparison: ComparisonPeriod): string {
  return `Compared with ${comparison.range.from} to ${comparison.range.to} (UTC); its referrals, acceptances and wins count only if dated before ${comparison.outcomeCutoff}, the same point as the data's last day (yesterday: Partner Center lags about a day).`;
}

function Caption({ children, change }: { children: ReactNode; change: ReactNode }) {
  return (
    <>
      {change}
      <span className="kpi-tiles__note">{children}</span>
    </>
  );
}

/**
 * The tiles do not show the granularity, but the plan of their queries reads it (on long ranges it sets the level of
 * the outcome buckets), so they take the view one render late: a granularity change paints the charts first, and the
 * tiles follow in a background render React may interrupt. The whole view is deferred, never a part of it, so the
 * tiles never plan queries for a mix of the old view and the new.
 */
export function KpiTiles() {
  const { filters, range, comparison, granularity } = useDashboardFilters();
  const view = useMemo(
    () => ({ filters, range, comparison, granularity }),
    [filters, range, comparison, granularity],
  );
  return <KpiFigures state={useDeferredValue(view)} />;
}

const KpiFigures = memo(function KpiFigures({ state }: { state: PlanState }) {
  const { range, comparison } = state;
  const { current, previous, open } = useKpiCounts(state);
  const now = figures(current.counts);
  const before = figures(previous?.counts);
  const against = comparison && comparedWith(comparison.kind);
  const hint = comparison ? comparisonHint(comparison) : undefined;
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
  // Said only where there is a comparison (the change is left out when comparisons are off).
  const noneBefore = comparison
    ? `None in ${COMPARISON_NAMES[comparison.kind]} to compare with`
    : '';
  const noPrevious = previous?.ready ? noneBefore : 'Comparing…';
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
            against && (
              <KpiChange
                change={
                  now && before
                    ? countChange(
                        now[key],
                        before[key],
                        key === 'total' ? against.total : against.sameAge,
                      )
                    : null
                }
                missing={noPrevious}
                hint={hint}
              />
            )
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
            against && (
              <KpiChange
                change={now && before ? rateChange(now[key], before[key], against.sameAge) : null}
                missing={now && now[key] === null ? zero : noPrevious}
                hint={hint}
              />
            )
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
    if (!current) return null;
    const precision = precisionNote(current.median);
    return (
      <KpiTile
        label={label}
        value={current.ready ? formatMedian(current.median) : null}
        caption={
          <Caption
            change={
              against &&
              before && (
                <KpiChange
                  change={
                    current.ready && before.ready
                      ? durationChange(current.median, before.median, against.sameAge)
                      : null
                  }
                  higherIsBetter={false}
                  missing={
                    current.ready && current.median === null
                      ? zero
                      : before.ready
                        ? noneBefore
                        : 'Comparing…'
                  }
                  hint={hint}
                />
              )
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
});
