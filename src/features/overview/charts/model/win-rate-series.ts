// Win rate per bucket (won ÷ accepted among the referrals in the bucket), this period next to the period it is
// compared with (the one before, or the same days last year), matched by bucket index (1st week with 1st week, ...).
import type { ReferralBucket } from '../../../../lib/api/types';
import type { AggregationLevel, DateField } from '../../../../lib/referrals/schema';
import type { DayRange } from '../../../../lib/dates/days';
import { ratio } from '../../../../lib/analytics/rates';
import {
  bucketLabel,
  bucketStart,
  bucketStarts,
  bucketTick,
  countOf,
} from '../../../../lib/analytics/time-buckets';

export interface WinRateInput {
  accepted: readonly ReferralBucket[];
  won: readonly ReferralBucket[];
}

export interface WinRateRow {
  start: string;
  label: string;
  /** Short axis text. */
  tick: string;
  accepted: number;
  won: number;
  winRate: number | null;
  previousLabel: string | null;
  previousAccepted: number | null;
  previousWon: number | null;
  previousWinRate: number | null;
}

function countsByStart(
  buckets: readonly ReferralBucket[],
  dateField: DateField,
  granularity: AggregationLevel,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const bucket of buckets) {
    const start = bucketStart(bucket.key[dateField], granularity);
    if (start !== null) counts.set(start, (counts.get(start) ?? 0) + countOf(bucket.count));
  }
  return counts;
}

export function toWinRateSeries(
  current: WinRateInput,
  previous: WinRateInput | undefined,
  dateField: DateField,
  /** `previous`: the comparison period's days; null when comparisons are off. */
  ranges: { current: DayRange; previous: DayRange | null },
  granularity: AggregationLevel,
): WinRateRow[] {
  const accepted = countsByStart(current.accepted, dateField, granularity);
  const won = countsByStart(current.won, dateField, granularity);
  const previousAccepted = previous && countsByStart(previous.accepted, dateField, granularity);
  const previousWon = previous && countsByStart(previous.won, dateField, granularity);
  const previousStarts = ranges.previous ? bucketStarts(ranges.previous, granularity) : [];

  return bucketStarts(ranges.current, granularity).map((start, index) => {
    const a = accepted.get(start) ?? 0;
    const w = won.get(start) ?? 0;
    const previousStart = previousStarts[index];
    const hasPrevious =
      previousStart !== undefined && previousAccepted !== undefined && previousWon !== undefined;
    const pa = hasPrevious ? (previousAccepted.get(previousStart) ?? 0) : null;
    const pw = hasPrevious ? (previousWon.get(previousStart) ?? 0) : null;
    return {
      start,
      label: bucketLabel(start, granularity),
      tick: bucketTick(start, granularity),
      accepted: a,
      won: w,
      winRate: ratio(w, a),
      previousLabel: previousStart === undefined ? null : bucketLabel(previousStart, granularity),
      previousAccepted: pa,
      previousWon: pw,
      previousWinRate: pa === null || pw === null ? null : ratio(pw, pa),
    };
  });
}
