// Which win-rate buckets are still maturing: their referrals are younger than the time most wins take, so their win
// rate will still move. The horizon is the 75th percentile of the time from the bucket's date to the win, among won
// referrals of the last 24 months, known to a month (grouped by month so the query stays small).
import { UTCDate } from '@date-fns/utc';
import { addDays, addMonths } from 'date-fns';
import type { ReferralBucket } from '../../../../lib/api/types';
import type { AggregationLevel, DateField } from '../../../../lib/referrals/schema';
import { addDaysToDay, formatDay, toUtcDay } from '../../../filters';
import { ratio } from '../../../../lib/analytics/rates';
import { bucketStart, countOf } from '../../../../lib/analytics/time-buckets';
import type { WinRateRow } from './win-rate-series';

const MATURITY_PERCENTILE = 0.75;
const DAYS_PER_MONTH = 30.44;

function monthIndex(value: string | null | undefined): number | null {
  if (!value || !/^\d{4}-\d{2}/.test(value)) return null;
  return Number(value.slice(0, 4)) * 12 + Number(value.slice(5, 7)) - 1;
}

/**
 * Days from a referral's `dateField` to its win that 75% of wins take at most. Buckets are months of both dates, so
 * a difference of k months means k − 1 to k + 1 months, k on average: the horizon is k + ½ months, erring towards
 * marking a bucket as maturing. 0 when nothing was won (or wins come before the date, e.g. the won date itself).
 */
export function winHorizonDays(buckets: readonly ReferralBucket[], dateField: DateField): number {
  const months: { diff: number; count: number }[] = [];
  for (const bucket of buckets) {
    const from = monthIndex(bucket.key[dateField]);
    const won = monthIndex(bucket.key.wonDate);
    const count = countOf(bucket.count);
    if (from !== null && won !== null && count > 0) months.push({ diff: won - from, count });
  }
  const total = months.reduce((sum, m) => sum + m.count, 0);
  if (total === 0) return 0;
  months.sort((a, b) => a.diff - b.diff);
  let seen = 0;
  for (const { diff, count } of months) {
    seen += count;
    if (seen >= MATURITY_PERCENTILE * total)
      return diff <= 0 ? 0 : Math.ceil((diff + 0.5) * DAYS_PER_MONTH);
  }
  return 0;
}

/** The first day whose referrals are younger than the horizon as of `today`: buckets reaching it are maturing. */
export function maturingFromDay(today: string, horizonDays: number): string | null {
  return horizonDays <= 0 ? null : addDaysToDay(today, -horizonDays + 1);
}

/** The last day of the bucket starting on `start`. */
export function bucketLastDay(start: string, granularity: AggregationLevel): string {
  const day: UTCDate = toUtcDay(start);
  const next =
    granularity === 'day'
      ? addDays(day, 1)
      : granularity === 'week'
        ? addDays(day, 7)
        : addMonths(day, 1);
  return formatDay(addDays(next, -1));
}

export interface WinRateMaturityRow extends WinRateRow {
  lost: number;
  /** Accepted, neither won nor lost yet: what can still move the win rate. */
  open: number;
  /** won ÷ (won + lost): the win rate of decided referrals. */
  decidedWinRate: number | null;
  maturing: boolean;
  /** The win rate of settled buckets, for the solid line; null elsewhere. */
  settledWinRate: number | null;
  /** The win rate of maturing buckets and the settled one before them, for the faded line; null elsewhere. */
  maturingWinRate: number | null;
}

/**
 * The win rate rows with lost and open counts, the decided win rate and the maturing mark. `lost`: the view's
 * accepted referrals that were lost and not won, grouped by (at least) the date field; every bucket counts.
 */
export function withMaturity(
  rows: readonly WinRateRow[],
  lost: readonly ReferralBucket[],
  dateField: DateField,
  granularity: AggregationLevel,
  maturingFrom: string | null,
): WinRateMaturityRow[] {
  const lostByStart = new Map<string, number>();
  for (const bucket of lost) {
    const start = bucketStart(bucket.key[dateField], granularity);
    if (start !== null)
      lostByStart.set(start, (lostByStart.get(start) ?? 0) + countOf(bucket.count));
  }
  const maturing = rows.map(
    (row) => maturingFrom !== null && bucketLastDay(row.start, granularity) >= maturingFrom,
  );
  return rows.map((row, index) => {
    const l = lostByStart.get(row.start) ?? 0;
    const isMaturing = maturing[index] ?? false;
    const joinsMaturing = isMaturing || (maturing[index + 1] ?? false);
    return {
      ...row,
      lost: l,
      open: Math.max(0, row.accepted - row.won - l),
      decidedWinRate: ratio(row.won, row.won + l),
      maturing: isMaturing,
      settledWinRate: isMaturing ? null : row.winRate,
      maturingWinRate: joinsMaturing ? row.winRate : null,
    };
  });
}
