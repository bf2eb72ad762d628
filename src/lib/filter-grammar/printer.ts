// Prints a syntax tree as canonical filter text that parses back to the same tree: single spaces, strings quoted
// with '' for a quote, and parentheses exactly where the tree's shape needs them.

import type { Expr, Operand } from './ast';

/** Quotes text as a string literal: `O'Brien` becomes `'O''Brien'`. */
export function quoteString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function printOperand(operand: Operand): string {
  switch (operand.kind) {
    case 'field':
      return operand.name;
    case 'string':
      return quoteString(operand.value);
    case 'date':
      return `cast(${quoteString(operand.text)}, Edm.DateTimeOffset)`;
    case 'null':
      return 'null';
    case 'boolean':
      return operand.value ? 'true' : 'false';
  }
}

/** Binding strength: a child binding more loosely than its parent needs parentheses. */
function strength(expr: Expr): number {
  switch (expr.kind) {
    case 'or':
      return 1;
    case 'and':
      return 2;
    case 'not':
      return 3;
    default:
      return 4;
  }
}

function printChild(child: Expr, parentStrength: number): string {
  // An and/or inside an and/or of the same kind is kept as written: `a and (b and c)` is its own tree.
  const text = print(child);
  return strength(child) <= parentStrength ? `(${text})` : text;
}

function print(expr: Expr): string {
  switch (expr.kind) {
    case 'compare':
      return `${printOperand(expr.left)} ${expr.op} ${printOperand(expr.right)}`;
    case 'contains':
      return `contains(${expr.field.name}, ${quoteString(expr.text.value)})`;
    case 'not':
      // `not` binds more tightly than and/or, so an and/or under it needs parentheses; `not not x` does not.
      return `not ${strength(expr.operand) < 3 ? `(${print(expr.operand)})` : print(expr.operand)}`;
    case 'and':
    case 'or':
      return expr.operands
        .map((operand) => printChild(operand, strength(expr)))
        .join(` ${expr.kind} `);
  }
}

/** Canonical text of a filter; an empty string for no filter. */
export function printFilter(expr: Expr | null | undefined): string {
  return expr ? print(expr) : '';
}
