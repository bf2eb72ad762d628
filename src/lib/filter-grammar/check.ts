// Type checks a syntax tree against the referrals schema and produces the typed tree evaluators run.
// Rules (../shared/api/referrals-api.md, "Where the documentation is silent"):
// - fields must exist (names are case-sensitive); contains(...) works on text fields only;
// - a date field is compared with a date: cast(...) or a quoted literal that reads as an ISO date (UTC);
// - a text field is compared with a quoted text, never with cast(...);
// - two fields may be compared when their types match; null may be compared with any field;
// - a comparison needs a field on at least one side; there are no true/false fields.

import {
  REFERRAL_FIELDS,
  fieldType,
  isReferralField,
  type FieldType,
  type ReferralField,
  type StringField,
  type DateField,
} from '../referrals/schema';
import type {
  CheckedFilter,
  CompareOp,
  Comparison,
  Expr,
  FieldRef,
  FilterError,
  FilterResult,
  Literal,
  TypedExpr,
} from './ast';
import { parseIsoInstant } from './dates';
import { parseFilter } from './parser';
import { at, filterError, quoteForMessage } from './position';
import { quoteString } from './printer';

class CheckFailure {
  constructor(readonly error: FilterError) {}
}

function failAt(message: string, node: { span?: { start: number; end: number } }): never {
  const start = node.span?.start ?? 0;
  const length = node.span ? node.span.end - node.span.start : undefined;
  throw new CheckFailure(filterError(message, start, length));
}

function where(node: { span?: { start: number } }): string {
  return node.span ? ` ${at(node.span.start)}` : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function suggestion(name: string): string {
  const lower = name.toLowerCase();
  const sameLetters = REFERRAL_FIELDS.find((field) => field.toLowerCase() === lower);
  if (sameLetters) return ` Field names are case-sensitive: did you mean ${sameLetters}?`;
  if (name.length > 40) return '';
  const close = REFERRAL_FIELDS.find((field) => editDistance(field.toLowerCase(), lower) <= 2);
  return close ? ` Did you mean ${close}?` : '';
}

function resolveField(ref: FieldRef): ReferralField {
  if (isReferralField(ref.name)) return ref.name;
  return failAt(
    `Unknown field ${quoteForMessage(ref.name)}${where(ref)}.${suggestion(ref.name)} Fields are: ${REFERRAL_FIELDS.join(', ')}.`,
    ref,
  );
}

const FLIPPED: Readonly<Record<CompareOp, CompareOp>> = {
  eq: 'eq',
  ne: 'ne',
  gt: 'lt',
  ge: 'le',
  lt: 'gt',
  le: 'ge',
};

const TYPE_NAME: Readonly<Record<FieldType, string>> = { string: 'text', date: 'date' };

function describeLiteral(literal: Literal): string {
  switch (literal.kind) {
    case 'string':
      return quoteForMessage(literal.value.replaceAll("'", "''"));
    case 'date':
      return `cast(${quoteString(literal.text)}, Edm.DateTimeOffset)`;
    case 'null':
      return 'null';
    case 'boolean':
      return String(literal.value);
  }
}

function compareWithLiteral(field: ReferralField, op: CompareOp, literal: Literal): TypedExpr {
  if (literal.kind === 'null') return { kind: 'compareNull', op, field };
  const type = fieldType(field);
  if (literal.kind === 'boolean') {
    failAt(
      `${field} is a ${TYPE_NAME[type]} field and cannot be compared with ${literal.value}${where(literal)}: no field is true or false.`,
      literal,
    );
  }
  if (type === 'string') {
    if (literal.kind === 'date') {
      failAt(
        `${field} is a text field and cannot be compared with the date ${describeLiteral(literal)}${where(literal)}. Quote the text instead.`,
        literal,
      );
    }
    return { kind: 'compareString', op, field: field as StringField, value: literal.value };
  }
  const text = literal.kind === 'date' ? literal.text : literal.value;
  const instant = parseIsoInstant(text);
  if (instant === null) {
    failAt(
      `${field} is a date field and cannot be compared with ${describeLiteral(literal)}${where(literal)}: write a date such as '2026-01-01', '2026-01-01T08:00:00Z' or cast('2026-01-01', Edm.DateTimeOffset).`,
      literal,
    );
  }
  return { kind: 'compareDate', op, field: field as DateField, value: instant };
}

function checkComparison(node: Comparison): TypedExpr {
  const { left, right } = node;
  if (left.kind === 'field') {
    const a = resolveField(left);
    if (right.kind !== 'field') return compareWithLiteral(a, node.op, right);
    const b = resolveField(right);
    const type = fieldType(a);
    if (type !== fieldType(b)) {
      failAt(
        `Cannot compare ${a} (${TYPE_NAME[type]}) with ${b} (${TYPE_NAME[fieldType(b)]})${where(node)}: fields compared with each other must have the same type.`,
        node,
      );
    }
    return { kind: 'compareFields', op: node.op, type, left: a, right: b };
  }
  if (right.kind === 'field')
    return compareWithLiteral(resolveField(right), FLIPPED[node.op], left);
  return failAt(
    `The comparison${where(node)} has no field: compare a field with a value, as in status eq 'Won'.`,
    node,
  );
}

function checkExpr(expr: Expr): TypedExpr {
  switch (expr.kind) {
    case 'compare':
      return checkComparison(expr);
    case 'contains': {
      const field = resolveField(expr.field);
      if (fieldType(field) !== 'string') {
        failAt(
          `contains works on text fields only, and ${field}${where(expr.field)} is a date field.`,
          expr.field,
        );
      }
      return { kind: 'contains', field: field as StringField, text: expr.text.value };
    }
    case 'not':
      return { kind: 'not', operand: checkExpr(expr.operand) };
    case 'and':
    case 'or':
      return { kind: expr.kind, operands: expr.operands.map(checkExpr) };
  }
}

/** Type checks a syntax tree; the first problem found, left to right, is reported. Never throws. */
export function checkFilter(expr: Expr): FilterResult<CheckedFilter> {
  try {
    return { ok: true, value: { expr, typed: checkExpr(expr) } };
  } catch (thrown) {
    if (thrown instanceof CheckFailure) return { ok: false, error: thrown.error };
    throw thrown;
  }
}

/** Parses and type checks filter text: what the app runs on what users type, and what the sandbox runs per request. */
export function validateFilter(text: string): FilterResult<CheckedFilter> {
  const parsed = parseFilter(text);
  return parsed.ok ? checkFilter(parsed.value) : parsed;
}
