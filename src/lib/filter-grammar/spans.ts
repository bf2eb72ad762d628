import type { Expr, Operand } from './ast';

function operandWithoutSpan(operand: Operand): Operand {
  switch (operand.kind) {
    case 'field':
      return { kind: 'field', name: operand.name };
    case 'string':
      return { kind: 'string', value: operand.value };
    case 'date':
      return { kind: 'date', text: operand.text };
    case 'null':
      return { kind: 'null' };
    case 'boolean':
      return { kind: 'boolean', value: operand.value };
  }
}

/** The tree without source positions: what builders make, and what two trees are compared by. */
export function withoutSpans(expr: Expr): Expr {
  switch (expr.kind) {
    case 'compare':
      return {
        kind: 'compare',
        op: expr.op,
        left: operandWithoutSpan(expr.left),
        right: operandWithoutSpan(expr.right),
      };
    case 'contains':
      return {
        kind: 'contains',
        field: { kind: 'field', name: expr.field.name },
        text: { kind: 'string', value: expr.text.value },
      };
    case 'not':
      return { kind: 'not', operand: withoutSpans(expr.operand) };
    case 'and':
    case 'or': {
      const [first, second, ...rest] = expr.operands;
      return {
        kind: expr.kind,
        operands: [withoutSpans(first), withoutSpans(second), ...rest.map(withoutSpans)],
      };
    }
  }
}
