import type { Change } from './kpi-math';

const ARROWS = { up: '▲', down: '▼', flat: '▶' } as const;

/**
 * A change against the comparison period: an arrow and words, so colour is never the only cue. `higherIsBetter`
 * decides only the colour (a longer time to accept is a change for the worse). `hint`: the comparison in full.
 */
export function KpiChange({
  change,
  higherIsBetter = true,
  missing,
  hint,
}: {
  change: Change | null;
  higherIsBetter?: boolean;
  /** Said instead when there is nothing to compare with. */
  missing: string;
  hint?: string;
}) {
  if (change === null)
    return (
      <span className="kpi-change kpi-change--none" title={hint}>
        {missing}
      </span>
    );
  const tone =
    change.direction === 'flat'
      ? 'flat'
      : (change.direction === 'up') === higherIsBetter
        ? 'better'
        : 'worse';
  return (
    <span className={`kpi-change kpi-change--${tone}`} title={hint}>
      <span aria-hidden="true">{ARROWS[change.direction]}</span> {change.text}
    </span>
  );
}
