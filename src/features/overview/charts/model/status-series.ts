// Buckets of `groupby=status,<dateField>` to the rows of the stacked "Referrals per status" chart.
import type { ReferralBucket } from '../../../../lib/api/types';
import type { AggregationLevel, DateField } from '../../../../lib/referrals/schema';
import type { DayRange } from '../../../../lib/dates/days';
import { orderStatuses, UNKNOWN_STATUS_LABEL } from '../../../../lib/referrals/status-colors';
import {
  bucketLabel,
  bucketStart,
  bucketStarts,
  bucketTick,
  countOf,
} from '../../../../lib/analytics/time-buckets';

export interface StatusBucketRow {
  /** Bucket start (ISO day), or null for referrals without that date. */
  start: string | null;
  label: string;
  /** Short axis text. */
  tick: string;
  /** Count per status label, every series present (0 when none). */
  counts: Record<string, number>;
  total: number;
}

export interface StatusSeries {
  /** Status labels in lifecycle order, then unknown ones alphabetically. */
  statuses: string[];
  rows: StatusBucketRow[];
}

/** A status as shown: a missing status is its own series, "Unknown". */
export function statusLabel(status: string | null | undefined): string {
  return status === null || status === undefined || status === '' ? UNKNOWN_STATUS_LABEL : status;
}

export function toStatusSeries(
  buckets: readonly ReferralBucket[],
  dateField: DateField,
  range: DayRange,
  granularity: AggregationLevel,
): StatusSeries {
  const byStart = new Map<string | null, Map<string, number>>();
  const statuses = new Set<string>();
  for (const bucket of buckets) {
    const start = bucketStart(bucket.key[dateField], granularity);
    const status = statusLabel(bucket.key.status);
    statuses.add(status);
    const counts = byStart.get(start) ?? new Map<string, number>();
    counts.set(status, (counts.get(status) ?? 0) + countOf(bucket.count));
    byStart.set(start, counts);
  }
  // The range's buckets, plus any the API returned outside them (kept, not dropped), then the null bucket.
  const starts = new Set(bucketStarts(range, granularity));
  for (const start of byStart.keys()) if (start !== null) starts.add(start);
  const ordered: (string | null)[] = [...starts].sort();
  if (byStart.has(null)) ordered.push(null);

  const statusList = orderStatuses(statuses);
  const rows = ordered.map((start) => {
    const found = byStart.get(start);
    const counts: Record<string, number> = {};
    let total = 0;
    for (const status of statusList) {
      const count = found?.get(status) ?? 0;
      counts[status] = count;
      total += count;
    }
    return {
      start,
      label: bucketLabel(start, granularity),
      tick: bucketTick(start, granularity),
      counts,
      total,
    };
  });
  return { statuses: statusList, rows };
}
