// A test double of the referrals API over rows held in memory: filters (the typed grammar), groupby with
// aggregationLevel and paging, as ../shared/api/referrals-api.md describes them. For component tests that check
// figures against their data whatever queries the components choose to make. Test code only.
import { validateFilter, type CompareOp, type TypedExpr } from '../filter-grammar';
import {
  isDateField,
  type AggregationLevel,
  type Referral,
  type ReferralField,
} from '../referrals/schema';
import type { GroupedReferralsPage, ReferralBucket, ReferralsPage, ReferralsQuery } from './types';

const DAY = 86_400_000;

function compare<T extends string | number>(op: CompareOp, a: T, b: T): boolean {
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'gt':
      return a > b;
    case 'ge':
      return a >= b;
    case 'lt':
      return a < b;
    case 'le':
      return a <= b;
  }
}

const instant = (text: string | null) => (text === null ? null : Date.parse(`${text}Z`));

function matches(expr: TypedExpr, row: Referral): boolean {
  switch (expr.kind) {
    case 'and':
      return expr.operands.every((e) => matches(e, row));
    case 'or':
      return expr.operands.some((e) => matches(e, row));
    case 'not':
      return !matches(expr.operand, row);
    case 'compareNull': {
      const isNull = row[expr.field] === null;
      return expr.op === 'eq' ? isNull : expr.op === 'ne' ? !isNull : false;
    }
    case 'compareDate': {
      const value = instant(row[expr.field]);
      return value !== null && compare(expr.op, value, expr.value);
    }
    case 'compareString':
      return compare(expr.op, row[expr.field].toLowerCase(), expr.value.toLowerCase());
    case 'contains':
      return row[expr.field].toLowerCase().includes(expr.text.toLowerCase());
    case 'compareFields':
      throw new Error('Field comparisons are not faked');
  }
}

function bucketOf(text: string | null, level: AggregationLevel): string | null {
  const ms = instant(text);
  if (ms === null) return null;
  const day = Math.floor(ms / DAY);
  const start =
    level === 'day'
      ? day * DAY
      : level === 'week'
        ? (day - ((day + 3) % 7)) * DAY
        : Date.UTC(new Date(ms).getUTCFullYear(), new Date(ms).getUTCMonth(), 1);
  return new Date(start).toISOString().slice(0, 19);
}

function rowsMatching(rows: readonly Referral[], filter: string | undefined): Referral[] {
  if (filter === undefined) return [...rows];
  const checked = validateFilter(filter);
  if (!checked.ok) throw new Error(`Bad filter ${filter}: ${checked.error.message}`);
  return rows.filter((row) => matches(checked.value.typed, row));
}

export interface FakeReferralsApi {
  page(query: ReferralsQuery): ReferralsPage;
  grouped(query: ReferralsQuery): GroupedReferralsPage;
}

/** Answers page and grouped queries from `rows` (newest first is not kept: tests should not depend on order). */
export function fakeReferralsApi(rows: readonly Referral[]): FakeReferralsApi {
  return {
    page(query) {
      const matching = rowsMatching(rows, query.filter);
      const skip = query.skip ?? 0;
      return {
        rows: matching.slice(skip, skip + (query.top ?? 10000)),
        totalCount: matching.length,
        next: null,
      };
    },
    grouped(query) {
      const fields: readonly ReferralField[] = query.groupby ?? [];
      const level = query.aggregationLevel ?? 'day';
      const counts = new Map<string, ReferralBucket>();
      for (const row of rowsMatching(rows, query.filter)) {
        const key = Object.fromEntries(
          fields.map((field) => [
            field,
            isDateField(field) ? bucketOf(row[field], level) : row[field],
          ]),
        );
        const id = JSON.stringify(key);
        const bucket = counts.get(id) ?? { key, count: 0 };
        bucket.count += 1;
        counts.set(id, bucket);
      }
      const buckets = [...counts.values()];
      const skip = query.skip ?? 0;
      return {
        buckets: buckets.slice(skip, skip + (query.top ?? 10000)),
        totalCount: buckets.length,
        next: null,
      };
    },
  };
}
