// The dashboard's headline figures from counts and durations. Pure, so every division by zero is decided here once.
import { formatDecimal, formatSignedPercent } from '../../../lib/format/format';
import type { DurationPrecision, MedianDuration } from '../../../lib/analytics/medians';
import { ratio } from '../../../lib/analytics/rates';
import type { ComparisonKind } from '../../../lib/dates/comparison';

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

/** What a change is against: outcome figures compare with the previous period at the same age. */
export const VS_PREVIOUS = 'vs previous period';
export const VS_SAME_POINT = 'vs the previous period at the same point';

/**
 * How a tile says what it compares with: counts of referrals against the whole comparison period (`total`),
 * outcome figures against it at the same point (`sameAge`).
 */
export function comparedWith(kind: ComparisonKind): { total: string; sameAge: string } {
  return kind === 'previous'
    ? { total: VS_PREVIOUS, sameAge: VS_SAME_POINT }
    : {
        total: 'vs the same period last year',
        sameAge: 'vs the same period last year at the same point',
      };
}

/** A count's change in percent of the previous one; null when the previous period had none to compare with. */
export function countChange(
  current: number,
  previous: number,
  against = VS_PREVIOUS,
): Change | null {
  const relative = ratio(current - previous, previous);
  if (relative === null) return null;
  return {
    direction: direction(relative),
    text: `${formatSignedPercent(relative)} ${against}`,
  };
}

/** A rate's change in percentage points; null when either rate is undefined. */
export function rateChange(
  current: number | null,
  previous: number | null,
  against = VS_SAME_POINT,
): Change | null {
  if (current === null || previous === null) return null;
  const points = (current - previous) * 100;
  const rounded = Math.round(points * 10) / 10;
  return {
    direction: direction(rounded),
    text: `${formatDecimal(rounded, { signed: true })} pts ${against}`,
  };
}

const DAY_MS = 86_400_000;

/** The unit a duration known to `precision` is told in, and its length; exact durations in tenths of a day. */
const UNITS: Record<DurationPrecision, { one: string; many: string; ms: number; step: number }> = {
  exact: { one: 'day', many: 'days', ms: DAY_MS, step: 0.1 },
  day: { one: 'day', many: 'days', ms: DAY_MS, step: 1 },
  week: { one: 'week', many: 'weeks', ms: 7 * DAY_MS, step: 1 },
  month: { one: 'month', many: 'months', ms: 30.4375 * DAY_MS, step: 1 },
};

const PRECISION_RANK: Record<DurationPrecision, number> = { exact: 0, day: 1, week: 2, month: 3 };

/** The coarser of two precisions: a difference is known no better than its least precise side. */
function coarser(a: DurationPrecision, b: DurationPrecision): DurationPrecision {
  return PRECISION_RANK[a] >= PRECISION_RANK[b] ? a : b;
}

function inUnits(ms: number, precision: DurationPrecision): number {
  const unit = UNITS[precision];
  const value = Math.round(ms / unit.ms / unit.step) * unit.step;
  return Math.round(value * 10) / 10;
}

/** A median duration's change, in the unit its precision allows; null when either is unknown. */
export function durationChange(
  current: MedianDuration | null,
  previous: MedianDuration | null,
  against = VS_SAME_POINT,
): Change | null {
  if (current === null || previous === null) return null;
  const precision = coarser(current.precision, previous.precision);
  const amount = inUnits(current.ms - previous.ms, precision);
  const unit = UNITS[precision];
  return {
    direction: direction(amount),
    text: `${formatDecimal(amount, { signed: true })} ${Math.abs(amount) === 1 ? unit.one : unit.many} ${against}`,
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

/**
 * A median as precisely as it is known: exact ones as `formatDuration` does; from day buckets in whole days
 * ("5 days", "under a day"), from week or month buckets in whole weeks or months.
 */
export function formatMedian(median: MedianDuration | null): string {
  if (median === null) return '—';
  if (median.precision === 'exact') return formatDuration(median.ms);
  const unit = UNITS[median.precision];
  const amount = inUnits(median.ms, median.precision);
  if (amount < 1) return `under a ${unit.one}`;
  return `${formatDecimal(amount)} ${amount === 1 ? unit.one : unit.many}`;
}

/** What the precision means, for the tile's caption. */
export function precisionNote(median: MedianDuration | null): string | null {
  if (median === null || median.precision === 'exact') return null;
  return `to within a ${UNITS[median.precision].one}`;
}
