// The referrals waiting for an answer: one bounded query for open referrals created in the last 15 days (the
// 14-day window plus a day for the data's lag), never all rows.
import { useQuery } from '@tanstack/react-query';
import type { ReferralsClient } from '../../../lib/api/client';
import { useReferralsClient } from '../../../lib/api/client-context';
import { prefetchable, referralsPageQuery, type PrefetchableQuery } from '../../../lib/api/queries';
import { and, compare, contains, inList, printFilter } from '../../../lib/filter-grammar';
import { addDaysToDay, typedExpressionPart, utcToday, type DashboardFilters } from '../../filters';
import { AWAITING_STATUSES, EXPIRY_DAYS } from '../model/expiry';

/** At most this many rows: a queue longer than this is shown as a count with the first rows. */
export const AWAITING_TOP = 1000;

/** Days before today the query reaches back: the expiry window and one day of data lag. */
const LOOKBACK_DAYS = EXPIRY_DAYS + 1;

/**
 * Open referrals created since `LOOKBACK_DAYS` before today, with the filter bar's market, size and customer
 * filters and the typed expression. The date range and status filters do not apply: the queue is about now.
 */
export function awaitingFilter(filters: DashboardFilters, now: Date): string {
  return printFilter(
    and(
      inList('status', AWAITING_STATUSES),
      compare('createdDate', 'ge', addDaysToDay(utcToday(now), -LOOKBACK_DAYS)),
      inList('customerMarket', filters.customerMarket),
      inList('partnerMarket', filters.partnerMarket),
      inList('customerOrgSize', filters.customerOrgSize),
      contains('customerName', filters.customerName),
      typedExpressionPart(filters.expression),
    ),
  );
}

export function awaitingQuery(client: ReferralsClient, filters: DashboardFilters, now: Date) {
  return referralsPageQuery(client, { filter: awaitingFilter(filters, now), top: AWAITING_TOP });
}

/** The query the list makes, for fetching before it renders. */
export function awaitingQueries(
  client: ReferralsClient,
  filters: DashboardFilters,
  now: Date,
): PrefetchableQuery[] {
  return [prefetchable(awaitingQuery(client, filters, now))];
}

export function useAwaitingRows(filters: DashboardFilters, now: Date) {
  const client = useReferralsClient();
  return useQuery(awaitingQuery(client, filters, now));
}
