// `/response-times`: how quickly referrals are acknowledged, accepted and won, per cohort, with open referrals
// counted as waiting (censored), never as failures. Shares the dashboard's filter bar.
import { useMemo } from 'react';
import { queryProblem } from '../../../components/query-problem';
import { FilterBar, useDashboardFilters, useNow, utcToday } from '../../filters';
import { PrintReportHeader } from '../../report';
import { useResponseTimesBuckets } from '../api/response-times';
import { dayLabel } from '../model/labels';
import { dayNumber, precisionFor } from '../model/precision';
import { cohortSizeFor, responseTimesModel } from '../model/response-times';
import { STAGES } from '../model/stages';
import { CohortCurvesChart } from './cohort-curves-chart';
import type { FigureState } from './figure-state';
import { PercentilesFigure } from './percentiles-figure';
import { ServiceLevelsFigure } from './service-levels-figure';
import './response-times.css';

export function ResponseTimesPage() {
  const { filters, range, granularity, description } = useDashboardFilters();
  const todayDay = dayNumber(utcToday(useNow())) ?? 0;
  const precision = precisionFor(range);
  const cohortSize = cohortSizeFor(granularity);
  const { queries } = useResponseTimesBuckets(filters, range, precision);
  const [acknowledge, accept, win] = queries.map((q) => q.data);

  const model = useMemo(
    () =>
      acknowledge && accept && win
        ? responseTimesModel({ acknowledge, accept, win }, precision, cohortSize, todayDay)
        : null,
    [acknowledge, accept, win, precision, cohortSize, todayDay],
  );
  const failing = queries.find((q) => queryProblem(q) !== null);
  const firstProblem = failing ? queryProblem(failing) : null;
  const figure: FigureState = {
    ready: model !== null,
    updating: queries.some((q) => q.isPlaceholderData || (q.isFetching && q.data !== undefined)),
    problem: firstProblem && {
      ...firstProblem,
      onRetry: () => queries.forEach((q) => q.error && void q.refetch()),
    },
    precision,
    cohortSize,
    viewDescription: description,
  };

  return (
    <div className="response-times">
      <PrintReportHeader />
      <header>
        <h1 className="response-times__title">Response times</h1>
        <p className="response-times__subtitle">
          How soon referrals created in the range were acknowledged, accepted and won, counted from
          creation.{' '}
          {model && (
            <span data-testid="response-times-as-of">
              Data as of {dayLabel(model.asOfDay)} (the newest date in the data; Partner Center lags
              by about a day).
            </span>
          )}
        </p>
      </header>
      <FilterBar offerComparison={false} />
      <ServiceLevelsFigure
        overall={model?.serviceLevels.overall}
        byMarket={model?.serviceLevels.byMarket ?? []}
        figure={figure}
      />
      <PercentilesFigure stages={model?.stages ?? []} figure={figure} />
      <div className="response-times__curves">
        {STAGES.map((stage, index) => (
          <CohortCurvesChart
            key={stage.key}
            stage={stage}
            times={model?.stages[index]}
            figure={figure}
          />
        ))}
      </div>
      <section className="response-times__method" aria-labelledby="response-times-method">
        <h2 id="response-times-method">How these figures are computed</h2>
        <p>
          Cohorts are referrals created in the same week (month when the granularity is Month); the
          date range applies to the created date here. Times run from creation to the stage&apos;s
          date: acknowledged, accepted, won.
        </p>
        <p>
          Share reached within d {precision === 'day' ? 'days' : 'weeks'}: F(d) = 1 − ∏
          <sub>j ≤ d</sub> (1 − e<sub>j</sub> ⁄ n<sub>j</sub>), where e<sub>j</sub> referrals
          reached the stage j {precision === 'day' ? 'days' : 'weeks'} after creation and n
          <sub>j</sub> had not reached it before and have been watched at least that long (the
          Kaplan–Meier estimate). A referral that has not reached the stage by the data&apos;s date
          counts as waiting up to its age and then leaves n: it is never a failure and never
          dropped. One that never will (declined, expired, lost) simply never reaches it. With no
          open referrals F(d) is reached ÷ all.
        </p>
        <p>
          p50 and p90: among the referrals that reached the stage within the time watched, the first
          d at which F(d) reaches 50% and 90% of its last value (most referrals are never accepted
          or won, so half of all of them may never get there). Dates are grouped by {precision} (so
          each query stays under 10,000 buckets): a time is known to within a {precision}.
        </p>
      </section>
    </div>
  );
}
