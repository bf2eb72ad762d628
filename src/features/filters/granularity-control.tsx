import { useId } from 'react';
import { AGGREGATION_LEVELS, type AggregationLevel } from '../../lib/referrals/schema';

const LABELS: Record<AggregationLevel, string> = { day: 'Day', week: 'Week', month: 'Month' };

/** The **Granularity** radio group; native radios give arrow-key movement within the group. */
export function GranularityControl({
  value,
  onChange,
}: {
  value: AggregationLevel;
  onChange(level: AggregationLevel): void;
}) {
  const labelId = useId();
  const name = useId();
  return (
    <div className="granularity" role="radiogroup" aria-labelledby={labelId}>
      <span id={labelId} className="filter-field__label">
        Granularity
      </span>
      <div className="segmented">
        {AGGREGATION_LEVELS.map((level) => (
          <label key={level} className="segmented__option">
            <input
              type="radio"
              name={name}
              value={level}
              checked={value === level}
              onChange={() => onChange(level)}
            />
            <span>{LABELS[level]}</span>
          </label>
        ))}
      </div>
    </div>
  );
}
