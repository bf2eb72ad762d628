// Syntax trees of the referrals filter grammar (../shared/api/referrals-api.md, "Filter grammar").
//
// Two trees:
// - `Expr` is what the parser produces and the printer prints: it keeps the text's shape (which side a literal is on,
//   how `and`/`or` chains were grouped) so that printing and parsing again gives the same tree.
// - `TypedExpr` is what the type checker produces from an `Expr`: fields resolved against the referral schema, a
//   literal on the left moved to the right, quoted dates compared with date fields turned into instants. Evaluators
//   (the sandbox's query engine) work on it and need no further checks.

import type { DateField, FieldType, ReferralField, StringField } from '../referrals/schema';

/** Character offsets into the filter text, 0-based, in UTF-16 code units (as input selections count), end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export const COMPARE_OPS = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];

/** A field name as written; the type checker decides whether it exists. */
export interface FieldRef {
  readonly kind: 'field';
  readonly name: string;
  readonly span?: Span;
}

/** `'O''Brien'` has the value `O'Brien`. Whether it is text or a date depends on what it is compared with. */
export interface StringLiteral {
  readonly kind: 'string';
  readonly value: string;
  readonly span?: Span;
}

/** `cast('<text>', Edm.DateTimeOffset)`; `text` is an ISO date or date-time the parser has already validated. */
export interface DateLiteral {
  readonly kind: 'date';
  readonly text: string;
  readonly span?: Span;
}

export interface NullLiteral {
  readonly kind: 'null';
  readonly span?: Span;
}

export interface BooleanLiteral {
  readonly kind: 'boolean';
  readonly value: boolean;
  readonly span?: Span;
}

export type Literal = StringLiteral | DateLiteral | NullLiteral | BooleanLiteral;
export type Operand = FieldRef | Literal;

export interface Comparison {
  readonly kind: 'compare';
  readonly op: CompareOp;
  readonly left: Operand;
  readonly right: Operand;
  readonly span?: Span;
}

/** `contains(field, 'text')`. */
export interface Contains {
  readonly kind: 'contains';
  readonly field: FieldRef;
  readonly text: StringLiteral;
  readonly span?: Span;
}

/** At least two operands. A chain `a and b and c` is one node; `a and (b and c)` nests one in another. */
export type Operands<T> = readonly [T, T, ...T[]];

export interface And {
  readonly kind: 'and';
  readonly operands: Operands<Expr>;
  readonly span?: Span;
}

export interface Or {
  readonly kind: 'or';
  readonly operands: Operands<Expr>;
  readonly span?: Span;
}

export interface Not {
  readonly kind: 'not';
  readonly operand: Expr;
  readonly span?: Span;
}

export type Expr = Comparison | Contains | And | Or | Not;

/** What went wrong and where. `position` is a 0-based offset; messages say "at position N" counting from 1. */
export interface FilterError {
  readonly message: string;
  readonly position: number;
  /** How many characters the problem spans, when known (for highlighting). */
  readonly length?: number;
}

export type FilterResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: FilterError };

// ---- Typed tree ----

/** `field op 'text'`: case-insensitive for eq/ne, see the evaluator for ordering. */
export interface TypedStringCompare {
  readonly kind: 'compareString';
  readonly op: CompareOp;
  readonly field: StringField;
  readonly value: string;
}

/** `field op <instant>`; `value` is epoch milliseconds (UTC). */
export interface TypedDateCompare {
  readonly kind: 'compareDate';
  readonly op: CompareOp;
  readonly field: DateField;
  readonly value: number;
}

/** `field op null`: eq/ne test for null; every other operator is false. */
export interface TypedNullCompare {
  readonly kind: 'compareNull';
  readonly op: CompareOp;
  readonly field: ReferralField;
}

/** Two fields of the same type. */
export interface TypedFieldCompare {
  readonly kind: 'compareFields';
  readonly op: CompareOp;
  readonly type: FieldType;
  readonly left: ReferralField;
  readonly right: ReferralField;
}

export interface TypedContains {
  readonly kind: 'contains';
  readonly field: StringField;
  readonly text: string;
}

export type TypedExpr =
  | TypedStringCompare
  | TypedDateCompare
  | TypedNullCompare
  | TypedFieldCompare
  | TypedContains
  | { readonly kind: 'and'; readonly operands: readonly TypedExpr[] }
  | { readonly kind: 'or'; readonly operands: readonly TypedExpr[] }
  | { readonly kind: 'not'; readonly operand: TypedExpr };

/** A filter that parsed and type-checked: its syntax tree (for printing) and its typed tree (for evaluating). */
export interface CheckedFilter {
  readonly expr: Expr;
  readonly typed: TypedExpr;
}
