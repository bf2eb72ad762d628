// The dashboard's headline figures from counts and durations. Pure, so every division by zero is decided here once.
import { formatDecimal, formatSignedPercent } from '../../lib/format/format';
import { ratio } from '../charts/model/rates';

export interface PeriodCounts {
  total: number;
  accepted: number;
  won: number;
}

export interface PeriodFigures extends PeriodCounts {
  /** won ÷ accepted */
  winRate: number | null;
  /** accepted ÷ total */
  acceptanceRate: number | null;
}

export function periodFigures(counts: PeriodCounts): PeriodFigures {
  return {
    ...counts,
    winRate: ratio(counts.won, counts.accepted),
    acceptanceRate: ratio(counts.accepted, counts.total),
  };
}

export type Direction = 'up' | 'down' | 'flat';

/** How a figure moved against the previous period; `text` says it in words so colour is never the only cue. */
export interface Change {
  direction: Direction;
  text: string;
}

function direction(delta: number): Direction {
  return delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat';
}

/** A count's change in percent of the previous one; null when the previous period had none to compare with. */
export function countChange(current: number, previous: number): Change | null {
  const relative = ratio(current - previous, previous);
  if (relative === null) return null;
  return {
    direction: direction(relative),
    text: `${formatSignedPercent(relative)} vs previous period`,
  };
}

/** A rate's change in percentage points; null when either rate is undefined. */
export function rateChange(current: number | null, previous: number | null): Change | null {
  if (current === null || previous === null) return null;
  const points = (current - previous) * 100;
  const rounded = Math.round(points * 10) / 10;
  return {
    direction: direction(rounded),
    text: `${formatDecimal(rounded, { signed: true })} pts vs previous period`,
  };
}

/** A duration's change in days; null when either is unknown. */
export function durationChange(currentMs: number | null, previousMs: number | null): Change | null {
  if (currentMs === null || previousMs === null) return null;
  const days = Math.round(((currentMs - previousMs) / 86_400_000) * 10) / 10;
  const unit = Math.abs(days) === 1 ? 'day' : 'days';
  return {
    direction: direction(days),
    text: `${formatDecimal(days, { signed: true })} ${unit} vs previous period`,
  };
}

/** "3.5 days", "1 day", "5 h", "—". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const hours = ms / 3_600_000;
  if (hours < 24) return `${formatDecimal(hours)} h`;
  const days = hours / 24;
  // "1 day" when it reads as one, to the decimal shown.
  return `${formatDecimal(days)} ${Math.round(days * 10) === 10 ? 'day' : 'days'}`;
}
