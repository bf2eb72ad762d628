import { compare, printFilter } from '../../lib/filter-grammar';

export const RECENT_DAYS = 90;

/** The first UTC day of the last `days` days, today included, as `YYYY-MM-DD`. */
export function recentStartDay(now: Date, days: number = RECENT_DAYS): string {
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (days - 1));
  return new Date(start).toISOString().slice(0, 10);
}

/** `createdDate ge cast('<start>', Edm.DateTimeOffset)`: referrals created in the last `days` days. */
export function recentReferralsFilter(now: Date, days: number = RECENT_DAYS): string {
  return printFilter(compare('createdDate', 'ge', recentStartDay(now, days)));
}
