// Reads the success envelope in every shape the contract allows: `Value`/`value`,
// `TotalCount`/`totalCount` as a number or a numeric string, `@nextLink` missing, null, relative
// or absolute. Rows are checked so that the UI can rely on their types. zod/mini, like the
// runtime config: it shares zod's core with it and weighs a fraction of classic zod.
import * as z from 'zod/mini';
import {
  DATE_FIELDS,
  MAX_TOP,
  STRING_FIELDS,
  type DateField,
  type Referral,
  type ReferralField,
} from '../referrals/schema';
import { queryFromNextLink } from './query-string';
import type { ReferralBucket, ReferralsQuery } from './types';

const NUMERIC_TEXT = /^\s*-?\d+(\.\d+)?\s*$/;

/** A number, or a string holding one; anything else is null. */
export function toCount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && NUMERIC_TEXT.test(value)) return Number(value);
  return null;
}

// Keys compared case-insensitively; OData's `@odata.nextLink` is read as `@nextLink`.
function lowerCaseKeys(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const lower = key.toLowerCase();
    out[lower === '@odata.nextlink' ? '@nextlink' : lower] = value;
  }
  return out;
}

const envelopeSchema = z.pipe(
  z.transform(lowerCaseKeys),
  z.object({
    value: z.array(z.unknown()),
    totalcount: z.pipe(z.optional(z.unknown()), z.transform(toCount)),
    '@nextlink': z.pipe(
      z.optional(z.unknown()),
      z.transform((v) => (typeof v === 'string' && v.trim() !== '' ? v : null)),
    ),
  }),
);

export interface Envelope {
  rows: unknown[];
  totalCount: number | null;
  nextLink: string | null;
}

export type EnvelopeResult = { ok: true; envelope: Envelope } | { ok: false; problem: string };

/**
 * Words for a failed check, made here because zod/mini ships no messages (its default is a bare
 * "Invalid input") and loading a locale would add weight for a handful of cases.
 */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  if (issue.code === 'invalid_union') {
    const expected = issue.errors
      .flat()
      .flatMap((inner) => (inner.code === 'invalid_type' ? [inner.expected] : []));
    if (expected.length > 0) return `expected ${expected.join(' or ')}`;
  }
  return issue.message;
}

function describeIssues(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'unexpected shape';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${describeIssue(issue)}`;
}

export function parseEnvelope(json: unknown): EnvelopeResult {
  const result = envelopeSchema.safeParse(json);
  if (!result.success) {
    return { ok: false, problem: `expected {"Value": [...]} (${describeIssues(result.error)})` };
  }
  return {
    ok: true,
    envelope: {
      rows: result.data.value,
      totalCount: result.data.totalcount,
      nextLink: result.data['@nextlink'],
    },
  };
}

const text = z.pipe(
  z.nullish(z.union([z.string(), z.number(), z.boolean()])),
  z.transform((v) => (v === null || v === undefined ? '' : String(v))),
);
const date = z.pipe(
  z.nullish(z.string()),
  z.transform((v) => v ?? null),
);

const rowShape: Record<string, z.ZodMiniType> = {};
for (const field of STRING_FIELDS) rowShape[field] = text;
for (const field of DATE_FIELDS) rowShape[field] = date;
rowShape.id = z.pipe(z.union([z.string(), z.number()]), z.transform(String));
// The shape is built from the field lists, so zod cannot infer Referral: it is asserted once here.
const referralSchema = z.object(rowShape) as unknown as z.ZodMiniType<Referral>;

export type RowsResult<T> = { ok: true; rows: T[] } | { ok: false; problem: string };

export function parseReferralRows(rows: unknown[]): RowsResult<Referral> {
  const parsed: Referral[] = [];
  for (const [index, row] of rows.entries()) {
    const result = referralSchema.safeParse(row);
    if (!result.success) {
      return { ok: false, problem: `row ${index + 1}: ${describeIssues(result.error)}` };
    }
    parsed.push(result.data);
  }
  return { ok: true, rows: parsed };
}

const dateOnly = z.nullish(z.string());
const dateSchemas = new Map<string, z.ZodMiniType>();

/**
 * Only the given date fields of each row, checked and with missing ones as null: for figures computed from a
 * few dates of many rows (the API cannot leave the other fields out), about ten times cheaper than reading whole
 * rows.
 */
export function parseDateRows<F extends DateField>(
  rows: unknown[],
  fields: readonly F[],
): RowsResult<Pick<Referral, F>> {
  const key = fields.join(',');
  let schema = dateSchemas.get(key);
  if (schema === undefined) {
    schema = z.object(Object.fromEntries(fields.map((field) => [field, dateOnly])));
    dateSchemas.set(key, schema);
  }
  const parsed: Pick<Referral, F>[] = [];
  for (const [index, row] of rows.entries()) {
    const result = schema.safeParse(row);
    if (!result.success) {
      return { ok: false, problem: `row ${index + 1}: ${describeIssues(result.error)}` };
    }
    const data = result.data as Partial<Record<F, string | null>>;
    const dates = {} as Pick<Referral, F>;
    for (const field of fields) dates[field] = (data[field] ?? null) as Referral[F];
    parsed.push(dates);
  }
  return { ok: true, rows: parsed };
}

const PREFERRED_MEASURE = 'referralCount';

/**
 * The measure of a grouped row is the numeric (or numeric-string) field that is not a groupby
 * field; `referralCount` is expected and preferred when present.
 */
export function findMeasure(
  row: Record<string, unknown>,
  groupby: readonly string[],
): { name: string; value: number } | null {
  const preferred = toCount(row[PREFERRED_MEASURE]);
  if (preferred !== null) return { name: PREFERRED_MEASURE, value: preferred };
  for (const [name, value] of Object.entries(row)) {
    if (groupby.includes(name)) continue;
    const count = toCount(value);
    if (count !== null) return { name, value: count };
  }
  return null;
}

function bucketValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : String(value);
}

export function parseBuckets(
  rows: unknown[],
  groupby: readonly ReferralField[],
): RowsResult<ReferralBucket> {
  const buckets: ReferralBucket[] = [];
  for (const [index, row] of rows.entries()) {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      return { ok: false, problem: `grouped row ${index + 1} is not an object` };
    }
    const record = row as Record<string, unknown>;
    const measure = findMeasure(record, groupby);
    if (measure === null) {
      return { ok: false, problem: `grouped row ${index + 1} has no count` };
    }
    const key: ReferralBucket['key'] = {};
    for (const field of groupby) key[field] = bucketValue(record[field]);
    buckets.push({ key, count: measure.value });
  }
  return { ok: true, rows: buckets };
}

/**
 * The next page's query. `@nextLink` wins when it can be read and moves forward; otherwise paging
 * falls back to `skip`: more rows exist when TotalCount says so, or, without a count, when the
 * page came back full.
 */
export function nextPageQuery(
  query: ReferralsQuery,
  nextLink: string | null,
  rowsReturned: number,
  totalCount: number | null,
): ReferralsQuery | null {
  const skip = query.skip ?? 0;
  if (nextLink !== null) {
    const linked = queryFromNextLink(nextLink);
    if (linked !== null && (linked.skip ?? 0) > skip) return linked;
  }
  if (rowsReturned === 0) return null;
  const nextSkip = skip + rowsReturned;
  const more = totalCount !== null ? nextSkip < totalCount : rowsReturned >= (query.top ?? MAX_TOP);
  return more ? { ...query, skip: nextSkip } : null;
}
