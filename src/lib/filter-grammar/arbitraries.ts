// fast-check generators of filter syntax trees and filter-like text, for property tests here and in the sandbox.

import fc from 'fast-check';
import { REFERRAL_FIELDS } from '../referrals/schema';
import { COMPARE_OPS, type Expr, type Operand } from './ast';
import { KEYWORDS } from './parser';

const nameArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...REFERRAL_FIELDS),
  fc
    .stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}(\.[A-Za-z_][A-Za-z0-9_]{0,5})?$/)
    // Any casing of a keyword is refused as a name (AND is not a field), so none is generated.
    .filter((name) => !KEYWORDS.has(name.toLowerCase())),
);

/** Text with the characters that need care: quotes, spaces, brackets, non-Latin letters, emoji. */
const textArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({
    unit: fc.constantFrom("'", "''", ' ', '(', ')', ',', 'a', 'Z', 'é', '日', '😀', '\\', '"'),
    maxLength: 8,
  }),
);

/** ISO dates and date-times in the forms the grammar accepts. */
export const isoDateArbitrary: fc.Arbitrary<string> = fc
  .tuple(
    fc.date({
      min: new Date('0001-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59Z'),
      noInvalidDate: true,
    }),
    fc.constantFrom('date', 'minutes', 'seconds', 'millis', 'zulu', 'offset'),
  )
  .map(([date, form]) => {
    const iso = date.toISOString();
    switch (form) {
      case 'date':
        return iso.slice(0, 10);
      case 'minutes':
        return iso.slice(0, 16);
      case 'seconds':
        return iso.slice(0, 19);
      case 'millis':
        return iso.slice(0, 23);
      case 'zulu':
        return iso;
      default:
        return `${iso.slice(0, 19)}+05:30`;
    }
  });

const operandArbitrary: fc.Arbitrary<Operand> = fc.oneof(
  { arbitrary: nameArbitrary.map((name) => ({ kind: 'field', name }) as const), weight: 3 },
  { arbitrary: textArbitrary.map((value) => ({ kind: 'string', value }) as const), weight: 3 },
  { arbitrary: isoDateArbitrary.map((text) => ({ kind: 'date', text }) as const), weight: 1 },
  { arbitrary: fc.constant({ kind: 'null' } as const), weight: 1 },
  { arbitrary: fc.boolean().map((value) => ({ kind: 'boolean', value }) as const), weight: 1 },
);

/** Syntax trees as the parser makes them (without spans), at most a few levels deep. */
export const exprArbitrary: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true, maxDepth: 5 },
    fc.record({
      kind: fc.constant('compare' as const),
      op: fc.constantFrom(...COMPARE_OPS),
      left: operandArbitrary,
      right: operandArbitrary,
    }),
    fc.record({
      kind: fc.constant('contains' as const),
      field: nameArbitrary.map((name) => ({ kind: 'field', name }) as const),
      text: textArbitrary.map((value) => ({ kind: 'string', value }) as const),
    }),
    fc.record({ kind: fc.constant('not' as const), operand: tie('expr') }),
    fc
      .record({
        kind: fc.constantFrom('and' as const, 'or' as const),
        operands: fc.tuple(tie('expr'), tie('expr'), fc.array(tie('expr'), { maxLength: 2 })),
      })
      .map(
        ({ kind, operands: [first, second, rest] }) =>
          ({ kind, operands: [first, second, ...rest] }) as const,
      ),
  ),
})).expr;

/** Strings made of the grammar's own pieces, so random text often gets deep into the parser and checker. */
export const filterLikeTextArbitrary: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '(',
        ')',
        ' ',
        ',',
        "'",
        "''",
        'not ',
        ' and ',
        ' or ',
        ' eq ',
        ' ne ',
        ' gt ',
        ' le ',
        'AND',
        'status',
        'customerName',
        'createdDate',
        'wonDate',
        'unknownField',
        "'Won'",
        "'2026-01-01'",
        "'2026-02-30'",
        "'2026-01-01T08:00:00Z'",
        'null',
        'true',
        'cast(',
        'Edm.DateTimeOffset',
        'contains(',
        '42',
        '=',
      ),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));
