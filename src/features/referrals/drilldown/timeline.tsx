import type { Referral } from '../../../lib/referrals/schema';
import { describeDuration, lifecycleTimeline } from '../timeline';
import { UtcTime } from '../utc-date';

/** The states the referral reached, in order, with how long each step took. */
export function Timeline({ referral }: { referral: Referral }) {
  const steps = lifecycleTimeline(referral);
  if (steps.length === 0) return <p>No lifecycle dates are recorded for this referral.</p>;
  const first = steps[0]!;
  const last = steps[steps.length - 1]!;
  return (
    <>
      <ol className="timeline">
        {steps.map((step, index) => {
          const previous = steps[index - 1];
          return (
            <li key={step.field} className="timeline__step" data-field={step.field}>
              <span className="timeline__marker" aria-hidden="true" />
              <div className="timeline__body">
                <p className="timeline__label">{step.label}</p>
                <p className="timeline__date">
                  <UtcTime date={step.at} /> UTC
                </p>
                {previous && step.previousAt && (
                  <p className="timeline__gap">
                    {describeDuration(step.previousAt, step.at)} after{' '}
                    {previous.label.toLowerCase()}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {steps.length > 1 && (
        <p className="timeline__total">
          {first.label} to {last.label.toLowerCase()}: {describeDuration(first.at, last.at)}
        </p>
      )}
    </>
  );
}
