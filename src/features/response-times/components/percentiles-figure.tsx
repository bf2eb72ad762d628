// p50 and p90 times to each stage over all cohorts, with how many referrals have reached it so far.
import { KpiTile } from '../../../components/kpi-tile';
import { formatCount } from '../../../lib/format/format';
import { ChartFrame, countColumn, type ChartColumn } from '../../overview';
import { formatDuration, unitWord } from '../model/labels';
import type { StageTimes } from '../model/response-times';
import type { FigureState } from './figure-state';

export const PERCENTILES_TITLE = 'Time to each stage';

export function PercentilesFigure({
  stages,
  figure,
}: {
  stages: readonly StageTimes[];
  figure: FigureState;
}) {
  const { precision } = figure;
  const columns: ChartColumn<StageTimes>[] = [
    { header: 'Stage', text: (s) => s.stage.title, csv: (s) => s.stage.title },
    countColumn('Referrals', (s) => s.total),
    countColumn('Reached so far', (s) => s.reached),
    {
      header: `p50 (${unitWord(precision)})`,
      text: (s) => formatDuration(s.p50, precision),
      csv: (s) => s.p50,
      numeric: true,
    },
    {
      header: `p90 (${unitWord(precision)})`,
      text: (s) => formatDuration(s.p90, precision),
      csv: (s) => s.p90,
      numeric: true,
    },
  ];
  return (
    <ChartFrame
      title={PERCENTILES_TITLE}
      description={`Of the referrals that reached each stage within the time watched, half (p50) and nine in ten (p90) did so within this many ${unitWord(precision)} of creation: the first d where the all-cohorts curve below reaches 50% and 90% of its last value. Referrals won later than the oldest cohort's age are not in it yet. Dates are known to the ${precision}.`}
      ready={figure.ready}
      updating={figure.updating}
      problem={figure.problem}
      empty={figure.ready && stages.every((s) => s.total === 0)}
      columns={columns}
      rows={stages}
      rowKey={(s) => s.stage.key}
      viewDescription={figure.viewDescription}
    >
      <div className="response-times__tiles">
        {stages.map((s) => (
          <KpiTile
            key={s.stage.key}
            label={`${s.stage.title} (p50)`}
            value={formatDuration(s.p50, precision)}
            caption={`p90 ${formatDuration(s.p90, precision)} · ${formatCount(s.reached)} of ${formatCount(s.total)} ${s.stage.verb} so far`}
          />
        ))}
      </div>
    </ChartFrame>
  );
}
