// Turns a type-checked filter into a predicate over row indexes, reading prepared columns.
//
// Semantics (../shared/api/referrals-api.md, "Where the documentation is silent", and what it leaves to us):
// - Text: eq, ne and contains ignore case. gt/ge/lt/le compare the case-folded texts by UTF-16 code units, so
//   `x ge v and x le v` agrees with `x eq v`; `id` is text, so `id gt '9'` is a text comparison.
// - Dates: compared as instants (epoch milliseconds).
// - null: `x eq null` and `x ne null` test for null. As in OData, eq/ne treat null as a value (`wonDate ne '2026-01-01'`
//   holds for a referral not won, and two null fields are equal); gt/ge/lt/le with null on either side are false.
// - not negates; and/or short-circuit.

import type { CompareOp, TypedExpr } from '../../../src/lib/filter-grammar/ast';
import { isDateField, type DateField, type StringField } from '../../../src/lib/referrals/schema';
import { foldCase } from './fold';

export type RowPredicate = (row: number) => boolean;

/** The columns a predicate reads; a Dataset provides them. */
export interface FilterColumns {
  dateColumn(field: DateField): Float64Array;
  foldedColumn(field: StringField): readonly (string | null)[];
}

const never: RowPredicate = () => false;

function compileText(
  column: readonly (string | null)[],
  op: CompareOp,
  value: string,
): RowPredicate {
  switch (op) {
    case 'eq':
      return (i) => column[i] === value;
    case 'ne':
      return (i) => column[i] !== value;
    case 'gt':
      return (i) => {
        const text = column[i];
        return text != null && text > value;
      };
    case 'ge':
      return (i) => {
        const text = column[i];
        return text != null && text >= value;
      };
    case 'lt':
      return (i) => {
        const text = column[i];
        return text != null && text < value;
      };
    case 'le':
      return (i) => {
        const text = column[i];
        return text != null && text <= value;
      };
  }
}

// NaN (null) is unequal and unordered to everything, which gives the null rules for free, except ne.
function compileDate(column: Float64Array, op: CompareOp, value: number): RowPredicate {
  switch (op) {
    case 'eq':
      return (i) => column[i] === value;
    case 'ne':
      return (i) => column[i] !== value;
    case 'gt':
      return (i) => (column[i] as number) > value;
    case 'ge':
      return (i) => (column[i] as number) >= value;
    case 'lt':
      return (i) => (column[i] as number) < value;
    case 'le':
      return (i) => (column[i] as number) <= value;
  }
}

function compileTextFields(
  left: readonly (string | null)[],
  right: readonly (string | null)[],
  op: CompareOp,
): RowPredicate {
  switch (op) {
    case 'eq':
      return (i) => left[i] === right[i];
    case 'ne':
      return (i) => left[i] !== right[i];
    default: {
      const ordered = compileOrdering(op);
      return (i) => {
        const a = left[i];
        const b = right[i];
        return a != null && b != null && ordered(a, b);
      };
    }
  }
}

function compileOrdering(op: 'gt' | 'ge' | 'lt' | 'le'): (a: string, b: string) => boolean {
  switch (op) {
    case 'gt':
      return (a, b) => a > b;
    case 'ge':
      return (a, b) => a >= b;
    case 'lt':
      return (a, b) => a < b;
    case 'le':
      return (a, b) => a <= b;
  }
}

function compileDateFields(left: Float64Array, right: Float64Array, op: CompareOp): RowPredicate {
  const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));
  switch (op) {
    case 'eq':
      return (i) => same(left[i] as number, right[i] as number);
    case 'ne':
      return (i) => !same(left[i] as number, right[i] as number);
    case 'gt':
      return (i) => (left[i] as number) > (right[i] as number);
    case 'ge':
      return (i) => (left[i] as number) >= (right[i] as number);
    case 'lt':
      return (i) => (left[i] as number) < (right[i] as number);
    case 'le':
      return (i) => (left[i] as number) <= (right[i] as number);
  }
}

function compileNull(
  expr: Extract<TypedExpr, { kind: 'compareNull' }>,
  columns: FilterColumns,
): RowPredicate {
  if (expr.op !== 'eq' && expr.op !== 'ne') return never;
  const wantNull = expr.op === 'eq';
  if (isDateField(expr.field)) {
    const column = columns.dateColumn(expr.field);
    return (i) => Number.isNaN(column[i]) === wantNull;
  }
  const column = columns.foldedColumn(expr.field as StringField);
  return (i) => (column[i] == null) === wantNull;
}

/** `f eq 'a' or f eq 'b' or …` on one text field: one set lookup instead of a chain (the app's multi-selects). */
function compileOr(operands: readonly TypedExpr[], columns: FilterColumns): RowPredicate {
  const sets = new Map<StringField, Set<string>>();
  const rest: TypedExpr[] = [];
  for (const operand of operands) {
    if (operand.kind === 'compareString' && operand.op === 'eq') {
      let set = sets.get(operand.field);
      if (!set) sets.set(operand.field, (set = new Set()));
      set.add(foldCase(operand.value));
    } else {
      rest.push(operand);
    }
  }
  const predicates = rest.map((operand) => compile(operand, columns));
  for (const [field, set] of sets) {
    const column = columns.foldedColumn(field);
    predicates.push((i) => {
      const text = column[i];
      return text != null && set.has(text);
    });
  }
  return any(predicates);
}

function all(predicates: readonly RowPredicate[]): RowPredicate {
  const [first, second] = predicates;
  if (predicates.length === 1 && first) return first;
  if (predicates.length === 2 && first && second) return (i) => first(i) && second(i);
  return (i) => {
    for (const predicate of predicates) if (!predicate(i)) return false;
    return true;
  };
}

function any(predicates: readonly RowPredicate[]): RowPredicate {
  const [first, second] = predicates;
  if (predicates.length === 1 && first) return first;
  if (predicates.length === 2 && first && second) return (i) => first(i) || second(i);
  return (i) => {
    for (const predicate of predicates) if (predicate(i)) return true;
    return false;
  };
}

function compile(expr: TypedExpr, columns: FilterColumns): RowPredicate {
  switch (expr.kind) {
    case 'compareString':
      return compileText(columns.foldedColumn(expr.field), expr.op, foldCase(expr.value));
    case 'compareDate':
      return compileDate(columns.dateColumn(expr.field), expr.op, expr.value);
    case 'compareNull':
      return compileNull(expr, columns);
    case 'compareFields':
      return expr.type === 'date'
        ? compileDateFields(
            columns.dateColumn(expr.left as DateField),
            columns.dateColumn(expr.right as DateField),
            expr.op,
          )
        : compileTextFields(
            columns.foldedColumn(expr.left as StringField),
            columns.foldedColumn(expr.right as StringField),
            expr.op,
          );
    case 'contains': {
      const column = columns.foldedColumn(expr.field);
      const needle = foldCase(expr.text);
      return (i) => {
        const text = column[i];
        return text != null && text.includes(needle);
      };
    }
    case 'not': {
      const operand = compile(expr.operand, columns);
      return (i) => !operand(i);
    }
    case 'and':
      return all(expr.operands.map((operand) => compile(operand, columns)));
    case 'or':
      return compileOr(expr.operands, columns);
  }
}

/** A predicate over the rows of `columns` (by index) that holds where the filter does. */
export function compileFilter(filter: TypedExpr, columns: FilterColumns): RowPredicate {
  return compile(filter, columns);
}
