import type { AggregationLevel, Referral, ReferralField } from '../referrals/schema';

/** Typed parameters of `GET /partner/v1/analytics/referrals`. */
export interface ReferralsQuery {
  /** A filter expression in the API's grammar (build it with src/lib/filter-grammar). */
  filter?: string;
  groupby?: readonly ReferralField[];
  /** Only sent together with `groupby`. */
  aggregationLevel?: AggregationLevel;
  /** 1..10000; the API's default is 10000. */
  top?: number;
  skip?: number;
}

/** One page of ungrouped rows (whole referrals, or a few of their fields). */
export interface ReferralsPage<Row = Referral> {
  rows: Row[];
  /** Rows matching the query over all pages, or null when the API did not say. */
  totalCount: number | null;
  /** The next page's query, or null on the last page. */
  next: ReferralsQuery | null;
}

/** One bucket of a grouped answer: the groupby fields' values (null buckets stay null) and its count. */
export interface ReferralBucket {
  key: Partial<Record<ReferralField, string | null>>;
  count: number;
}

export interface GroupedReferralsPage {
  buckets: ReferralBucket[];
  /** Number of buckets over all pages, or null when the API did not say. */
  totalCount: number | null;
  next: ReferralsQuery | null;
}

/** Per-call context: a user action's correlation id and a cancellation signal. */
export interface RequestContext {
  signal?: AbortSignal;
  correlationId?: string;
  /** Set when retrying a request, so the retry carries the same `MS-RequestId`; fresh otherwise. */
  requestId?: string;
}
