import type { Change } from './kpiMath';

const ARROWS = { up: '▲', down: '▼', flat: '▶' } as const;

/**
 * A change against the previous period: an arrow and words, so colour is never the only cue. `higherIsBetter`
 * decides only the colour (a longer time to accept is a change for the worse).
 */
export function KpiChange({
  change,
  higherIsBetter = true,
  missing,
}: {
  change: Change | null;
  higherIsBetter?: boolean;
  /** Said instead when there is nothing to compare with. */
  missing: string;
}) {
  if (change === null) return <span className="kpi-change kpi-change--none">{missing}</span>;
  const tone =
    change.direction === 'flat'
      ? 'flat'
      : (change.direction === 'up') === higherIsBetter
        ? 'better'
        : 'worse';
  return (
    <span className={`kpi-change kpi-change--${tone}`}>
      <span aria-hidden="true">{ARROWS[change.direction]}</span> {change.text}
    </span>
  );
}
