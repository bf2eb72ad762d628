// ReferralsQuery <-> the API's query string. Bad parameters are refused here, before anything is
// sent, with words a partner can act on (the API would answer 400 anyway).
import {
  AGGREGATION_LEVELS,
  MAX_FILTER_LENGTH,
  MAX_TOP,
  isReferralField,
  type AggregationLevel,
  type ReferralField,
} from '../referrals/schema';
import { invalidQueryError } from './errors';
import type { ReferralsQuery } from './types';
import { formatCount } from '../format/format';

export function validateQuery(query: ReferralsQuery): void {
  const { top, skip, groupby, aggregationLevel, filter } = query;
  if (top !== undefined && (!Number.isInteger(top) || top < 1 || top > MAX_TOP)) {
    throw invalidQueryError(
      `Rows per request must be a whole number from 1 to ${formatCount(MAX_TOP)} ` +
        `(Partner Center's page limit); got ${String(top)}.`,
    );
  }
  if (skip !== undefined && (!Number.isInteger(skip) || skip < 0)) {
    throw invalidQueryError(
      `Rows to skip must be a whole number of 0 or more; got ${String(skip)}.`,
    );
  }
  if (groupby !== undefined) {
    const unknown = groupby.filter((field) => !isReferralField(field));
    if (unknown.length > 0) {
      throw invalidQueryError(`Cannot group by unknown field(s): ${unknown.join(', ')}.`);
    }
    if (new Set(groupby).size !== groupby.length) {
      throw invalidQueryError(`A field is named twice in the grouping: ${groupby.join(', ')}.`);
    }
  }
  if (aggregationLevel !== undefined && !AGGREGATION_LEVELS.includes(aggregationLevel)) {
    throw invalidQueryError(
      `Aggregation level must be one of ${AGGREGATION_LEVELS.join(', ')}; got ${String(aggregationLevel)}.`,
    );
  }
  if (filter !== undefined && filter.length > MAX_FILTER_LENGTH) {
    throw invalidQueryError(
      `The filter is ${formatCount(filter.length)} characters long; Partner Center accepts at ` +
        `most ${formatCount(MAX_FILTER_LENGTH)}.`,
    );
  }
}

/**
 * The query string (without `?`). Parameters go in a fixed order so equal queries give equal URLs.
 * `%20` rather than `+` for spaces: it means a space to every decoder.
 */
export function buildQueryString(query: ReferralsQuery): string {
  validateQuery(query);
  const pairs: [string, string][] = [];
  if (query.filter !== undefined && query.filter.trim() !== '')
    pairs.push(['filter', query.filter]);
  const groupby = query.groupby ?? [];
  if (groupby.length > 0) pairs.push(['groupby', groupby.join(',')]);
  // aggregationLevel without groupby is a 400: it is dropped rather than sent.
  if (groupby.length > 0 && query.aggregationLevel !== undefined) {
    pairs.push(['aggregationLevel', query.aggregationLevel]);
  }
  if (query.top !== undefined) pairs.push(['top', String(query.top)]);
  if (query.skip !== undefined) pairs.push(['skip', String(query.skip)]);
  return pairs
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
}

// `@nextLink` is documented as relative to this base; absolute links are read the same way. Only
// the parameters are kept: the app always calls its own origin, never a host named in a link.
const NEXT_LINK_BASE = 'https://api.partnercenter.microsoft.com/partner/v1/analytics/';

function param(params: URLSearchParams, name: string): string | null {
  return params.get(name) ?? params.get(`$${name}`);
}

function integerParam(params: URLSearchParams, name: string): number | undefined | null {
  const raw = param(params, name);
  if (raw === null) return undefined;
  return /^\d+$/.test(raw) ? Number(raw) : null;
}

/**
 * The query a `@nextLink` asks for, or null when it cannot be read as one (an unknown paging
 * token, a bad number): the caller then pages by `skip` itself.
 */
export function queryFromNextLink(link: string): ReferralsQuery | null {
  let url: URL;
  try {
    url = new URL(link, NEXT_LINK_BASE);
  } catch {
    return null;
  }
  const params = url.searchParams;
  const top = integerParam(params, 'top');
  const skip = integerParam(params, 'skip');
  if (top === null || skip === null || skip === undefined) return null;

  const query: ReferralsQuery = { skip };
  if (top !== undefined) query.top = top;
  const filter = param(params, 'filter');
  if (filter !== null && filter !== '') query.filter = filter;
  const groupbyRaw = param(params, 'groupby');
  if (groupbyRaw !== null && groupbyRaw !== '') {
    const fields = groupbyRaw.split(',').map((f) => f.trim());
    if (!fields.every(isReferralField)) return null;
    query.groupby = fields as ReferralField[];
    const level = param(params, 'aggregationLevel');
    if (level !== null) {
      if (!(AGGREGATION_LEVELS as readonly string[]).includes(level)) return null;
      query.aggregationLevel = level as AggregationLevel;
    }
  }
  try {
    validateQuery(query);
  } catch {
    return null;
  }
  return query;
}
