// The referrals waiting for an answer, in three bounded queries over open referrals created in the last 15 days
// (the 14-day window plus a day for the data's lag), so a first view downloads rows only for what it shows:
// - the soonest: rows of those that can expire within 3 days (and, in the same request, every one with a date
//   since yesterday, which fixes the data's age);
// - the rest: how many are in between, a count (by status: two small buckets);
// - their rows only when the partner asks for the whole list (Show all, Export), or when the data's age is not
//   yesterday, as Partner Center's lag of about a day makes it (then it could lie among them).
// See awaiting/model/awaiting-view.ts for how they add up to exactly the list all rows would give.
import { useQuery } from '@tanstack/react-query';
import type { ReferralsClient } from '../../../lib/api/client';
import { useReferralsClient } from '../../../lib/api/client-context';
import {
  allGroupedReferralsQuery,
  prefetchable,
  referralsPageQuery,
  type PrefetchableQuery,
} from '../../../lib/api/queries';
import {
  and,
  compare,
  contains,
  eq,
  inList,
  or,
  printFilter,
  type FilterPart,
} from '../../../lib/filter-grammar';
import { DATE_FIELDS, type Referral } from '../../../lib/referrals/schema';
import { typedExpressionPart, type DashboardFilters } from '../../filters';
import { awaitingDays, type AwaitingDays } from '../awaiting/model/awaiting-view';
import { ANSWERED_FIELDS, AWAITING_STATUSES } from '../awaiting/model/expiry';

/** At most this many rows a query: a queue longer than this is shown as a count with the first rows. */
export const AWAITING_TOP = 1000;

export { awaitingDays };

/**
 * Open referrals created since 15 days before today, with the filter bar's market, size and customer
 * filters and the typed expression. The date range and status filters do not apply: the queue is about now.
 */
function openParts(filters: DashboardFilters, days: AwaitingDays): FilterPart[] {
  return [
    inList('status', AWAITING_STATUSES),
    compare('createdDate', 'ge', days.from),
    inList('customerMarket', filters.customerMarket),
    inList('partnerMarket', filters.partnerMarket),
    inList('customerOrgSize', filters.customerOrgSize),
    contains('customerName', filters.customerName),
    typedExpressionPart(filters.expression),
  ];
}

/** The soonest to expire, and every open referral with any date in the last day (the data's age). */
export function soonestFilter(filters: DashboardFilters, days: AwaitingDays): string {
  return printFilter(
    and(
      ...openParts(filters, days),
      or(
        compare('createdDate', 'lt', days.soonestBefore),
        ...DATE_FIELDS.map((field) => compare(field, 'ge', days.recentFrom)),
      ),
    ),
  );
}

/** Every open referral the soonest query leaves out: created from `soonestBefore` to before `recentFrom`. */
export function restFilter(filters: DashboardFilters, days: AwaitingDays): string {
  return printFilter(
    and(
      ...openParts(filters, days),
      compare('createdDate', 'ge', days.soonestBefore),
      compare('createdDate', 'lt', days.recentFrom),
    ),
  );
}

/**
 * How many of the rest are awaiting: no answer date (the list's own rule), and not in the soonest query (no
 * acknowledgement in the last day). All of them have more than 3 days left.
 */
export function restCountFilter(filters: DashboardFilters, days: AwaitingDays): string {
  return printFilter(
    and(
      ...openParts(filters, days),
      compare('createdDate', 'ge', days.soonestBefore),
      compare('createdDate', 'lt', days.recentFrom),
      ...ANSWERED_FIELDS.map((field) => eq(field, null)),
      or(eq('acknowledgedDate', null), compare('acknowledgedDate', 'lt', days.recentFrom)),
    ),
  );
}

function soonestQuery(client: ReferralsClient, filters: DashboardFilters, now: Date) {
  return referralsPageQuery(client, {
    filter: soonestFilter(filters, awaitingDays(now)),
    top: AWAITING_TOP,
  });
}

export function restQuery(client: ReferralsClient, filters: DashboardFilters, now: Date) {
  return referralsPageQuery(client, {
    filter: restFilter(filters, awaitingDays(now)),
    top: AWAITING_TOP,
  });
}

/**
 * The rest's count as buckets by status (at most two small buckets, summed by the caller): a plain count would
 * bring a whole row along with its TotalCount.
 */
function restCountQuery(client: ReferralsClient, filters: DashboardFilters, now: Date) {
  return allGroupedReferralsQuery(client, {
    filter: restCountFilter(filters, awaitingDays(now)),
    groupby: ['status'],
  });
}

/** The queries the list makes as it first shows, for fetching before it renders. */
export function awaitingQueries(
  client: ReferralsClient,
  filters: DashboardFilters,
  now: Date,
): PrefetchableQuery[] {
  return [
    prefetchable(soonestQuery(client, filters, now)),
    prefetchable(restCountQuery(client, filters, now)),
  ];
}

/** The list's answers; the rest's rows only when `wantRest` says so of the soonest rows (undefined until in). */
export function useAwaitingAnswers(
  filters: DashboardFilters,
  now: Date,
  wantRest: (soonest: readonly Referral[] | undefined) => boolean,
) {
  const client = useReferralsClient();
  const soonest = useQuery(soonestQuery(client, filters, now));
  const restCount = useQuery(restCountQuery(client, filters, now));
  const needsRest = wantRest(soonest.data?.rows);
  const rest = useQuery({ ...restQuery(client, filters, now), enabled: needsRest });
  return { soonest, restCount, rest, needsRest };
}
