import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterLikeTextArbitrary } from '../../../src/lib/filter-grammar/arbitraries';
import type { CompareOp, Expr, TypedExpr } from '../../../src/lib/filter-grammar/ast';
import { and, compare, contains, not, or } from '../../../src/lib/filter-grammar/builders';
import { validateFilter } from '../../../src/lib/filter-grammar/check';
import { parseIsoInstant } from '../../../src/lib/filter-grammar/dates';
import { printFilter } from '../../../src/lib/filter-grammar/printer';
import {
  DATE_FIELDS,
  STRING_FIELDS,
  isDateField,
  type Referral,
  type ReferralField,
} from '../../../src/lib/referrals/schema';
import { prepareDataset } from './dataset';
import { executeReferralsQuery } from './execute';
import { FIXTURE_ROWS } from './fixtures.test-data';

const dataset = prepareDataset(FIXTURE_ROWS);
const OPS: readonly CompareOp[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];

/** The contract's semantics written the slow, obvious way, row by row, as an oracle for the compiled predicates. */
function oracle(row: Referral, expr: TypedExpr): boolean {
  const text = (field: ReferralField) => (row[field] as string | null)?.toLowerCase() ?? null;
  const instant = (field: ReferralField) => {
    const value = row[field];
    return value == null ? null : parseIsoInstant(value);
  };
  const ordered = <T extends string | number>(a: T | null, op: CompareOp, b: T | null): boolean => {
    if (op === 'eq') return a === b;
    if (op === 'ne') return a !== b;
    if (a === null || b === null) return false;
    return op === 'gt' ? a > b : op === 'ge' ? a >= b : op === 'lt' ? a < b : a <= b;
  };
  switch (expr.kind) {
    case 'compareString':
      return ordered(text(expr.field), expr.op, expr.value.toLowerCase());
    case 'compareDate':
      return ordered(instant(expr.field), expr.op, expr.value);
    case 'compareNull':
      return ordered(row[expr.field] ?? null, expr.op, null);
    case 'compareFields':
      return expr.type === 'date'
        ? ordered(instant(expr.left), expr.op, instant(expr.right))
        : ordered(text(expr.left), expr.op, text(expr.right));
    case 'contains':
      return text(expr.field)?.includes(expr.text.toLowerCase()) ?? false;
    case 'not':
      return !oracle(row, expr.operand);
    case 'and':
      return expr.operands.every((operand) => oracle(row, operand));
    case 'or':
      return expr.operands.some((operand) => oracle(row, operand));
  }
}

const textValues = [
  ...new Set(FIXTURE_ROWS.flatMap((row) => STRING_FIELDS.map((field) => row[field]))),
];
const dateValues = [
  ...new Set(
    FIXTURE_ROWS.flatMap((row) => DATE_FIELDS.map((field) => row[field]).filter((v) => v !== null)),
  ),
] as string[];

const conditionArbitrary: fc.Arbitrary<Expr> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...STRING_FIELDS),
      fc.constantFrom(...OPS),
      fc.oneof(
        fc.constantFrom(...textValues),
        fc.string({ maxLength: 3 }),
        fc.constantFrom('us', 'ADATUM', "o'brien"),
      ),
    )
    .map(([field, op, value]) => compare(field, op, value)),
  fc
    .tuple(
      fc.constantFrom(...DATE_FIELDS),
      fc.constantFrom(...OPS),
      fc.oneof(
        fc.constantFrom(...dateValues),
        fc.constantFrom('2026-01-01', '2021-01-04T00:00:00Z', '2025-12-29T01:00:00+01:00'),
      ),
    )
    .map(([field, op, value]) => compare(field, op, value)),
  fc
    .tuple(fc.constantFrom(...STRING_FIELDS, ...DATE_FIELDS), fc.constantFrom(...OPS))
    .map(([field, op]) => compare(field, op, null)),
  fc
    .tuple(
      fc.constantFrom(...STRING_FIELDS),
      fc.oneof(
        fc.constantFrom('o', 'CON', "'", 'é', '株'),
        fc.string({ minLength: 1, maxLength: 2 }),
      ),
    )
    .map(([field, text]) => contains(field, text) as Expr),
  fc
    .tuple(
      fc.constantFrom(...STRING_FIELDS, ...DATE_FIELDS),
      fc.constantFrom(...OPS),
      fc.constantFrom(...STRING_FIELDS, ...DATE_FIELDS),
    )
    .filter(([left, , right]) => isDateField(left) === isDateField(right))
    .map(([left, op, right]) => ({
      kind: 'compare' as const,
      op,
      left: { kind: 'field' as const, name: left },
      right: { kind: 'field' as const, name: right },
    })),
);

const filterArbitrary: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    conditionArbitrary,
    tie('expr').map((expr) => not(expr) as Expr),
    fc.array(tie('expr'), { minLength: 2, maxLength: 4 }).map((parts) => and(...parts) as Expr),
    fc.array(tie('expr'), { minLength: 2, maxLength: 4 }).map((parts) => or(...parts) as Expr),
  ),
})).expr;

function answer(search: URLSearchParams | Record<string, string> | string) {
  const response = executeReferralsQuery(dataset, new URLSearchParams(search));
  if (response.status !== 200)
    throw new Error(`${String(search)}: ${JSON.stringify(response.body)}`);
  return response.body;
}

// Property tests run hundreds of cases: on a busy shared machine they need more than the default 5 s.
describe('engine properties', { timeout: 30_000 }, () => {
  it('random text as a filter only ever gets a 200 or a 400', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 80 }), filterLikeTextArbitrary),
        fc.boolean(),
        (filter, grouped) => {
          const params = new URLSearchParams({ filter });
          if (grouped) params.set('groupby', 'status,createdDate');
          const response = executeReferralsQuery(dataset, params);
          expect([200, 400]).toContain(response.status);
          if (response.status === 400)
            expect(response.body.description).toMatch(/^Invalid filter: /);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('random values of every parameter only ever get a 200 or a 400', () => {
    const names = ['filter', 'groupby', 'aggregationLevel', 'top', 'skip', 'other'];
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        '1',
        '10000',
        '0',
        '-1',
        'status,createdDate',
        'week',
        'createdDate',
        "status eq 'Won'",
      ),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...names), value), { maxLength: 6 }),
        (pairs) => {
          const response = executeReferralsQuery(dataset, new URLSearchParams(pairs));
          expect([200, 400]).toContain(response.status);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('compiled filters select exactly the rows the contract says', () => {
    fc.assert(
      fc.property(filterArbitrary, (expr) => {
        const text = printFilter(expr);
        const checked = validateFilter(text);
        if (!checked.ok) throw new Error(`${text}: ${checked.error.message}`);
        const expected = dataset.rows
          .filter((row) => oracle(row, checked.value.typed))
          .map((row) => row.id);
        const body = answer({ filter: text });
        expect((body.Value as Referral[]).map((row) => row.id)).toEqual(expected);
        expect(body.TotalCount).toBe(expected.length);
      }),
      { numRuns: 500 },
    );
  });

  it('pages followed by @nextLink concatenate to the whole answer, with a constant TotalCount', () => {
    const groupings = [
      null,
      'status',
      'customerMarket,createdDate',
      'wonDate,status',
      'createdDate',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.option(filterArbitrary, { nil: null }),
        fc.constantFrom(...groupings),
        fc.constantFrom('day', 'week', 'month', null),
        (top, filter, groupby, level) => {
          const params = new URLSearchParams();
          if (filter) params.set('filter', printFilter(filter));
          if (groupby) params.set('groupby', groupby);
          if (groupby && level) params.set('aggregationLevel', level);
          const whole = answer(params);
          params.set('top', String(top));
          const rows: unknown[] = [];
          let search: string | null = params.toString();
          let pages = 0;
          while (search !== null) {
            const page = answer(search);
            expect(page.TotalCount).toBe(whole.TotalCount);
            expect(page.Value.length).toBeLessThanOrEqual(top);
            rows.push(...page.Value);
            const link = page['@nextLink'];
            if (link !== null) {
              expect(link.startsWith('referrals?')).toBe(true);
              expect(page.Value).toHaveLength(top);
            }
            search = link === null ? null : link.slice('referrals?'.length);
            pages++;
            expect(pages).toBeLessThanOrEqual(FIXTURE_ROWS.length + 1);
          }
          expect(rows).toEqual(whole.Value);
          expect(rows).toHaveLength(whole.TotalCount);
        },
      ),
      { numRuns: 200 },
    );
  });
});
