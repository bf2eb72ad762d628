// Medians of durations between two dates of a referral: exactly from rows, or to within a bucket from a grouped
// answer that holds the joint distribution of the two dates (groupby=createdDate,acceptedDate&aggregationLevel=day).
// A joint bucket fixes each referral's duration to within one bucket length, and so its median, without
// downloading the rows.
import { parseIsoInstant } from '../filter-grammar';
import type { ReferralBucket } from '../api/types';
import type { AggregationLevel, DateField } from '../referrals/schema';

export const MS_PER_DAY = 86_400_000;

/** How well a duration is known: exactly (from rows), or to within one day, week or month (from buckets). */
export type DurationPrecision = 'exact' | AggregationLevel;

export interface MedianDuration {
  /** Milliseconds; from buckets, a whole number of bucket-start differences. */
  ms: number;
  precision: DurationPrecision;
  /** How many durations the median is of. */
  count: number;
}

/** The largest error of a duration read from buckets: a bucket's start is at most this far from the instant. */
export const PRECISION_MS: Record<DurationPrecision, number> = {
  exact: 0,
  day: MS_PER_DAY,
  week: 7 * MS_PER_DAY,
  month: 31 * MS_PER_DAY,
};

/** The median of the values (mean of the middle two for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  return weightedMedian(values.map((value) => ({ value, count: 1 })));
}

/** The median of values given with how often each occurs (the same as `median` of the expanded list). */
export function weightedMedian(
  entries: readonly { value: number; count: number }[],
): number | null {
  const sorted = entries.filter((e) => e.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, e) => sum + e.count, 0);
  if (total === 0) return null;
  // The values at 0-based positions lower and upper of the expanded, sorted list.
  const lower = Math.floor((total - 1) / 2);
  const upper = Math.floor(total / 2);
  let seen = 0;
  let low: number | null = null;
  for (const entry of sorted) {
    seen += entry.count;
    if (low === null && seen > lower) low = entry.value;
    if (seen > upper) return ((low ?? entry.value) + entry.value) / 2;
  }
  return null;
}

/** Milliseconds from one date to another, or null when either is missing, unreadable, or the order is backwards. */
export function between(
  from: string | null | undefined,
  to: string | null | undefined,
): number | null {
  if (!from || !to) return null;
  const start = parseIsoInstant(from);
  const end = parseIsoInstant(to);
  return start === null || end === null || end < start ? null : end - start;
}

/** The exact median duration `from` → `to` over rows that have both dates in that order. */
export function medianOfRows<F extends DateField>(
  rows: readonly Partial<Record<F, string | null>>[],
  from: F,
  to: F,
): MedianDuration | null {
  const durations: number[] = [];
  for (const row of rows) {
    const duration = between(row[from], row[to]);
    if (duration !== null) durations.push(duration);
  }
  const ms = median(durations);
  return ms === null ? null : { ms, precision: 'exact', count: durations.length };
}

/**
 * The median duration `from` → `to` from grouped buckets whose groupby holds both dates at `level` (other groupby
 * fields may be there too: their buckets are summed). Within one bucket length of the median of the rows.
 */
export function medianOfJointBuckets(
  buckets: readonly ReferralBucket[],
  from: DateField,
  to: DateField,
  level: AggregationLevel,
): MedianDuration | null {
  const entries: { value: number; count: number }[] = [];
  let count = 0;
  for (const bucket of buckets) {
    const duration = between(bucket.key[from], bucket.key[to]);
    if (duration === null) continue;
    entries.push({ value: duration, count: bucket.count });
    count += bucket.count;
  }
  const ms = weightedMedian(entries);
  return ms === null ? null : { ms, precision: level, count };
}

/** Up to this many referrals, their rows (about 400 bytes each) cost less than a day-level joint answer could. */
export const FEW_ROWS = 1000;

/**
 * Whether to read a median from rows after all: only when the buckets are coarser than a day (a long range) and
 * hold few referrals, fewer than the day buckets the same referrals could need. Day buckets are precise enough;
 * many referrals are cheaper as buckets.
 */
export function rowsAreWorthIt(
  buckets: readonly ReferralBucket[],
  level: AggregationLevel,
): boolean {
  if (level === 'day') return false;
  const referrals = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
  return referrals > 0 && referrals <= FEW_ROWS;
}
