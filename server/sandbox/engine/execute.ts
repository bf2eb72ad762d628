// Answers `GET /partner/v1/analytics/referrals?<params>` from a prepared dataset: a 200 with the
// `Value`/`@nextLink`/`TotalCount` envelope, or a 400 with Partner Center's error body. Pure: no I/O.

import { validateFilter } from '../../../src/lib/filter-grammar/check';
import type { FilterError } from '../../../src/lib/filter-grammar/ast';
import type { Referral } from '../../../src/lib/referrals/schema';
import { compileFilter, type RowPredicate } from './compile';
import type { Dataset } from './dataset';
import { partnerCenterError, type PartnerCenterError } from './errors';
import { groupRows, type GroupedRow } from './group';
import { LruCache } from './lru';
import { readQueryPlan } from './params';

export interface ReferralsEnvelope<Row> {
  Value: Row[];
  /** Relative to /partner/v1/analytics/, e.g. `referrals?top=100&skip=100`; null on the last page. */
  '@nextLink': string | null;
  TotalCount: number;
}

export type QueryResponse =
  | { status: 200; body: ReferralsEnvelope<Referral> | ReferralsEnvelope<GroupedRow> }
  | { status: 400; body: PartnerCenterError };

type CompiledFilter = { ok: true; predicate: RowPredicate } | { ok: false; error: FilterError };

// Compiled filters are bound to a dataset's columns, so each dataset has its own cache. Paging through one filter,
// or charts asking for several groupings of it, parse and check it once.
const FILTER_CACHE_SIZE = 64;
const filterCaches = new WeakMap<Dataset, LruCache<string, CompiledFilter>>();

function compiledFilter(dataset: Dataset, text: string): CompiledFilter {
  let cache = filterCaches.get(dataset);
  if (!cache) filterCaches.set(dataset, (cache = new LruCache(FILTER_CACHE_SIZE)));
  let compiled = cache.get(text);
  if (!compiled) {
    const checked = validateFilter(text);
    compiled = checked.ok
      ? { ok: true, predicate: compileFilter(checked.value.typed, dataset) }
      : { ok: false, error: checked.error };
    cache.set(text, compiled);
  }
  return compiled;
}

/** The next page's link: the same parameters, in the same order, with skip advanced. */
function nextLink(params: URLSearchParams, nextSkip: number): string {
  const next = new URLSearchParams(params);
  next.set('skip', String(nextSkip));
  // URLSearchParams writes a space as '+'; %20 means a space to every reader of a URI, '+' only to form decoders.
  return `referrals?${next.toString().replaceAll('+', '%20')}`;
}

function badRequest(description: string): QueryResponse {
  return { status: 400, body: partnerCenterError(description) };
}

function pageOf<Row>(
  rows: Row[],
  total: number,
  params: URLSearchParams,
  top: number,
  skip: number,
): ReferralsEnvelope<Row> {
  return {
    Value: rows,
    '@nextLink': skip + top < total ? nextLink(params, skip + top) : null,
    TotalCount: total,
  };
}

/** Rows matching, newest first, from `skip`, at most `top`, and how many match in all. */
function selectRows(
  dataset: Dataset,
  predicate: RowPredicate | null,
  top: number,
  skip: number,
): { rows: Referral[]; total: number } {
  if (!predicate) return { rows: dataset.rows.slice(skip, skip + top), total: dataset.size };
  const rows: Referral[] = [];
  const end = skip + top;
  let total = 0;
  for (let i = 0; i < dataset.size; i++) {
    if (!predicate(i)) continue;
    if (total >= skip && total < end) rows.push(dataset.rows[i] as Referral);
    total++;
  }
  return { rows, total };
}

export function executeReferralsQuery(dataset: Dataset, params: URLSearchParams): QueryResponse {
  const read = readQueryPlan(params);
  if (!read.ok) return badRequest(read.description);
  const { plan } = read;

  let predicate: RowPredicate | null = null;
  if (plan.filter !== null) {
    const compiled = compiledFilter(dataset, plan.filter);
    if (!compiled.ok) return badRequest(`Invalid filter: ${compiled.error.message}`);
    predicate = compiled.predicate;
  }

  if (plan.groupby) {
    const groups = groupRows(dataset, predicate, plan.groupby, plan.level, plan.top, plan.skip);
    return { status: 200, body: pageOf(groups.rows, groups.total, params, plan.top, plan.skip) };
  }
  const selected = selectRows(dataset, predicate, plan.top, plan.skip);
  return { status: 200, body: pageOf(selected.rows, selected.total, params, plan.top, plan.skip) };
}
