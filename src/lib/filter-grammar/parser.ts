// Recursive-descent parser. Precedence, loosest first: or, and, not, then comparisons and contains(...); parentheses
// group. Recursion only happens through parentheses and `not`, which the depth limit caps, so no input can overflow
// the stack; chains of and/or are loops.

import { MAX_FILTER_DEPTH, MAX_FILTER_LENGTH } from '../referrals/schema';
import {
  COMPARE_OPS,
  type CompareOp,
  type Contains,
  type DateLiteral,
  type Expr,
  type FieldRef,
  type FilterError,
  type FilterResult,
  type Operand,
  type Span,
  type StringLiteral,
} from './ast';
import { parseIsoInstant } from './dates';
import { describeToken, tokenize, type Token } from './lexer';
import { at, filterError, quoteForMessage } from './position';

export const KEYWORDS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'not',
  ...COMPARE_OPS,
  'contains',
  'cast',
  'null',
  'true',
  'false',
]);

const DATE_TYPE = 'Edm.DateTimeOffset';
const COMPARE_OP_SET: ReadonlySet<string> = new Set(COMPARE_OPS);
const OPERATOR_LIST = COMPARE_OPS.join(', ');

/** Thrown inside the parser only, to unwind to `parseFilter`. */
class ParseFailure {
  constructor(readonly error: FilterError) {}
}

function fail(message: string, token: Pick<Token, 'start' | 'end'>): never {
  throw new ParseFailure(filterError(message, token.start, Math.max(token.end - token.start, 0)));
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): Expr {
    const expr = this.parseOr();
    const token = this.peek();
    if (token.kind !== 'end') {
      this.rejectMiscasedKeyword(token);
      if (token.kind === 'rparen')
        fail(`Unexpected ')' ${at(token.start)}: there is no '(' to close.`, token);
      fail(
        `Expected and, or or the end of the filter ${at(token.start)}, but found ${describeToken(token)}.`,
        token,
      );
    }
    return expr;
  }

  private peek(): Token {
    // The lexer always ends the list with an 'end' token, and the parser never reads past it.
    return this.tokens[this.index] ?? (this.tokens[this.tokens.length - 1] as Token);
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  private isKeyword(token: Token, keyword: string): boolean {
    return token.kind === 'name' && token.text === keyword;
  }

  /** `AND`, `Eq`, `NULL`: keywords are lower case only, and no field is named like one. */
  private rejectMiscasedKeyword(token: Token): void {
    if (token.kind !== 'name') return;
    const lower = token.text.toLowerCase();
    if (lower !== token.text && KEYWORDS.has(lower)) {
      fail(
        `Keywords are lower case: write ${lower} instead of ${token.text} ${at(token.start)}.`,
        token,
      );
    }
  }

  private enter(token: Token): void {
    this.depth++;
    if (this.depth > MAX_FILTER_DEPTH) {
      fail(
        `The filter nests more than ${MAX_FILTER_DEPTH} levels deep ${at(token.start)} (each parenthesis and each not counts).`,
        token,
      );
    }
  }

  private parseOr(): Expr {
    const first = this.parseAnd();
    if (!this.isKeyword(this.peek(), 'or')) return first;
    const operands: Expr[] = [first];
    while (this.isKeyword(this.peek(), 'or')) {
      this.next();
      operands.push(this.parseAnd());
    }
    return { kind: 'or', operands: operands as [Expr, Expr, ...Expr[]], span: spanOf(operands) };
  }

  private parseAnd(): Expr {
    const first = this.parseNot();
    if (!this.isKeyword(this.peek(), 'and')) return first;
    const operands: Expr[] = [first];
    while (this.isKeyword(this.peek(), 'and')) {
      this.next();
      operands.push(this.parseNot());
    }
    return { kind: 'and', operands: operands as [Expr, Expr, ...Expr[]], span: spanOf(operands) };
  }

  private parseNot(): Expr {
    const token = this.peek();
    if (!this.isKeyword(token, 'not')) return this.parsePrimary();
    this.next();
    this.enter(token);
    const operand = this.parseNot();
    this.depth--;
    return { kind: 'not', operand, span: { start: token.start, end: endOf(operand, token) } };
  }

  private parsePrimary(): Expr {
    const token = this.peek();
    if (token.kind === 'lparen') {
      this.next();
      this.enter(token);
      const inner = this.parseOr();
      const close = this.peek();
      if (close.kind !== 'rparen') {
        this.rejectMiscasedKeyword(close);
        fail(
          `Expected ')' ${at(close.start)} to close the '(' ${at(token.start)}, but found ${describeToken(close)}.`,
          close,
        );
      }
      this.next();
      this.depth--;
      return inner;
    }
    if (this.isKeyword(token, 'contains')) return this.parseContains();
    return this.parseComparison();
  }

  private parseComparison(): Expr {
    const left = this.parseOperand('a condition');
    const opToken = this.peek();
    this.rejectMiscasedKeyword(opToken);
    if (opToken.kind !== 'name' || !COMPARE_OP_SET.has(opToken.text)) {
      const after = left.span ? describeOperand(left) : 'the value';
      fail(
        `Expected a comparison operator (${OPERATOR_LIST}) ${at(opToken.start)} after ${after}, but found ${describeToken(opToken)}.`,
        opToken,
      );
    }
    this.next();
    const right = this.parseOperand(`a field or a value after ${opToken.text}`);
    return {
      kind: 'compare',
      op: opToken.text as CompareOp,
      left,
      right,
      span: { start: left.span?.start ?? opToken.start, end: right.span?.end ?? opToken.end },
    };
  }

  private parseOperand(expected: string): Operand {
    const token = this.peek();
    const span: Span = { start: token.start, end: token.end };
    if (token.kind === 'string') {
      this.next();
      return { kind: 'string', value: token.value, span };
    }
    if (token.kind === 'number') {
      fail(
        `Unquoted value ${quoteForMessage(token.text)} ${at(token.start)}: write values in single quotes, as in '${token.text}'.`,
        token,
      );
    }
    if (token.kind === 'name') {
      this.rejectMiscasedKeyword(token);
      switch (token.text) {
        case 'null':
          this.next();
          return { kind: 'null', span };
        case 'true':
        case 'false':
          this.next();
          return { kind: 'boolean', value: token.text === 'true', span };
        case 'cast':
          return this.parseCast();
        case 'contains':
          fail(
            `contains(...) ${at(token.start)} is a condition of its own and cannot be compared.`,
            token,
          );
          break;
        default:
          if (KEYWORDS.has(token.text)) {
            fail(
              `Expected ${expected} ${at(token.start)}, but found the keyword ${token.text}.`,
              token,
            );
          }
          this.next();
          return { kind: 'field', name: token.text, span } satisfies FieldRef;
      }
    }
    if (token.kind === 'end' && this.tokens.length === 1) {
      fail(`The filter is empty: write a condition such as status eq 'Won'.`, token);
    }
    fail(`Expected ${expected} ${at(token.start)}, but found ${describeToken(token)}.`, token);
  }

  private expect(kind: Token['kind'], what: string, context: string): Token {
    const token = this.peek();
    if (token.kind !== kind) {
      this.rejectMiscasedKeyword(token);
      fail(
        `Expected ${what} ${at(token.start)} ${context}, but found ${describeToken(token)}.`,
        token,
      );
    }
    return this.next();
  }

  private parseContains(): Contains {
    const keyword = this.next();
    this.expect('lparen', "'('", 'after contains');
    const fieldToken = this.peek();
    if (fieldToken.kind !== 'name' || KEYWORDS.has(fieldToken.text.toLowerCase())) {
      fail(
        `Expected a field name ${at(fieldToken.start)} as the first argument of contains, but found ${describeToken(fieldToken)}.`,
        fieldToken,
      );
    }
    this.next();
    this.expect('comma', "','", 'between the arguments of contains');
    const textToken = this.expect('string', 'a quoted text', 'as the second argument of contains');
    const close = this.expect('rparen', "')'", 'to end contains(...)');
    const field: FieldRef = {
      kind: 'field',
      name: fieldToken.text,
      span: { start: fieldToken.start, end: fieldToken.end },
    };
    const text: StringLiteral = {
      kind: 'string',
      value: textToken.value,
      span: { start: textToken.start, end: textToken.end },
    };
    return { kind: 'contains', field, text, span: { start: keyword.start, end: close.end } };
  }

  private parseCast(): DateLiteral {
    const keyword = this.next();
    this.expect('lparen', "'('", 'after cast');
    const value = this.expect('string', "a quoted date such as '2026-01-01'", 'in cast(...)');
    if (parseIsoInstant(value.value) === null) {
      fail(
        `${describeToken(value)} ${at(value.start)} is not a date: write YYYY-MM-DD, optionally with a time such as 2026-01-01T08:00:00Z.`,
        value,
      );
    }
    this.expect('comma', "','", `after the date in cast(...)`);
    const type = this.peek();
    if (type.kind !== 'name' || type.text !== DATE_TYPE) {
      fail(
        `Expected ${DATE_TYPE} ${at(type.start)} in cast(...), but found ${describeToken(type)}.`,
        type,
      );
    }
    this.next();
    const close = this.expect('rparen', "')'", 'to end cast(...)');
    return { kind: 'date', text: value.value, span: { start: keyword.start, end: close.end } };
  }
}

function describeOperand(operand: Operand): string {
  switch (operand.kind) {
    case 'field':
      return quoteForMessage(operand.name);
    case 'string':
      return quoteForMessage(operand.value.replaceAll("'", "''"));
    case 'date':
      return 'cast(...)';
    case 'null':
      return 'null';
    case 'boolean':
      return String(operand.value);
  }
}

function spanOf(operands: readonly Expr[]): Span | undefined {
  const start = operands[0]?.span?.start;
  const end = operands[operands.length - 1]?.span?.end;
  return start === undefined || end === undefined ? undefined : { start, end };
}

function endOf(expr: Expr, fallback: Token): number {
  return expr.span?.end ?? fallback.end;
}

/** Parses filter text into a syntax tree, or says what is wrong and where. Never throws. */
export function parseFilter(text: string): FilterResult<Expr> {
  if (text.length > MAX_FILTER_LENGTH) {
    return {
      ok: false,
      error: filterError(
        `The filter is ${text.length} characters long; at most ${MAX_FILTER_LENGTH} are allowed.`,
        MAX_FILTER_LENGTH,
        text.length - MAX_FILTER_LENGTH,
      ),
    };
  }
  const lexed = tokenize(text);
  if (!lexed.ok) return lexed;
  try {
    return { ok: true, value: new Parser(lexed.value).parse() };
  } catch (thrown) {
    if (thrown instanceof ParseFailure) return { ok: false, error: thrown.error };
    throw thrown;
  }
}
