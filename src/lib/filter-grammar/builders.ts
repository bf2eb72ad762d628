// Builders for the filters the app sends. Everything the app sends is built here and printed with printFilter, so
// quoting and date literals are right by construction. Combinators skip empty parts (null, undefined, false), so a
// filter bar can pass every control's part and get `null` when nothing is chosen.

import {
  fieldType,
  type DateField,
  type ReferralField,
  type StringField,
} from '../referrals/schema';
import type { CompareOp, Comparison, Contains, Expr, Not, Operand } from './ast';
import { parseIsoInstant } from './dates';

/** A part of a filter; empty parts are left out. */
export type FilterPart = Expr | null | undefined | false;

/**
 * `field op value`. A date field's value must be an ISO date or date-time (UTC unless it says otherwise) and is
 * written as cast('…', Edm.DateTimeOffset); a text field's value is quoted; null compares with null.
 * Throws a RangeError for a date field given something that is not a date: that is a bug in the caller.
 */
export function compare(field: ReferralField, op: CompareOp, value: string | null): Comparison {
  let right: Operand;
  if (value === null) {
    right = { kind: 'null' };
  } else if (fieldType(field) === 'date') {
    if (parseIsoInstant(value) === null)
      throw new RangeError(`${field} needs an ISO date, not '${value}'`);
    right = { kind: 'date', text: value };
  } else {
    right = { kind: 'string', value };
  }
  return { kind: 'compare', op, left: { kind: 'field', name: field }, right };
}

export function eq(field: ReferralField, value: string | null): Comparison {
  return compare(field, 'eq', value);
}

export function ne(field: ReferralField, value: string | null): Comparison {
  return compare(field, 'ne', value);
}

/** `field eq v1 or field eq v2 …` over distinct values; null when there are none. */
export function inList(field: ReferralField, values: readonly (string | null)[]): Expr | null {
  return or(...[...new Set(values)].map((value) => eq(field, value)));
}

/** `contains(field, 'text')`; null for empty text, which would match everything. */
export function contains(field: StringField, text: string): Contains | null {
  if (text === '') return null;
  return {
    kind: 'contains',
    field: { kind: 'field', name: field },
    text: { kind: 'string', value: text },
  };
}

/** `field ge from and field lt to` (the end is exclusive); either bound may be left out. */
export function dateRange(
  field: DateField,
  fromIso: string | null | undefined,
  toIsoExclusive: string | null | undefined,
): Expr | null {
  return and(
    fromIso ? compare(field, 'ge', fromIso) : null,
    toIsoExclusive ? compare(field, 'lt', toIsoExclusive) : null,
  );
}

function combine(kind: 'and' | 'or', parts: readonly FilterPart[]): Expr | null {
  const operands: Expr[] = [];
  for (const part of parts) {
    if (!part) continue;
    // and(and(a, b), c) is a and b and c: the same meaning, printed without needless parentheses.
    if (part.kind === kind) operands.push(...part.operands);
    else operands.push(part);
  }
  const [first, second, ...rest] = operands;
  if (!first) return null;
  if (!second) return first;
  return { kind, operands: [first, second, ...rest] };
}

export function and(...parts: FilterPart[]): Expr | null {
  return combine('and', parts);
}

export function or(...parts: FilterPart[]): Expr | null {
  return combine('or', parts);
}

export function not(part: FilterPart): Not | null {
  return part ? { kind: 'not', operand: part } : null;
}
