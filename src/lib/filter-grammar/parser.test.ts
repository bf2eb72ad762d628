import { describe, expect, it } from 'vitest';
import type { Expr } from './ast';
import { parseFilter } from './parser';
import { withoutSpans } from './spans';

function tree(text: string): Expr {
  const result = parseFilter(text);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.error.message}`);
  return withoutSpans(result.value);
}

function failure(text: string) {
  const result = parseFilter(text);
  if (result.ok) throw new Error(`expected ${text} to fail`);
  return result.error;
}

const field = (name: string) => ({ kind: 'field', name }) as const;
const str = (value: string) => ({ kind: 'string', value }) as const;
const cmp = (name: string, op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le', value: string) =>
  ({ kind: 'compare', op, left: field(name), right: str(value) }) as const;

describe('parseFilter: comparisons and literals', () => {
  it.each(['eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const)('reads the %s operator', (op) => {
    expect(tree(`status ${op} 'Won'`)).toEqual(cmp('status', op, 'Won'));
  });

  it("reads '' inside a string as one quote", () => {
    expect(tree("customerName eq 'O''Brien'")).toEqual(cmp('customerName', 'eq', "O'Brien"));
    expect(tree("customerName eq ''''")).toEqual(cmp('customerName', 'eq', "'"));
    expect(tree("customerName eq ''")).toEqual(cmp('customerName', 'eq', ''));
  });

  it('keeps every other character in a string as written', () => {
    expect(tree('customerName eq \'a  (b) and, c "d" 日本 😀\'')).toEqual(
      cmp('customerName', 'eq', 'a  (b) and, c "d" 日本 😀'),
    );
  });

  it('reads null and bare booleans', () => {
    expect(tree('wonDate ne null')).toEqual({
      kind: 'compare',
      op: 'ne',
      left: field('wonDate'),
      right: { kind: 'null' },
    });
    expect(tree('status eq true')).toEqual({
      kind: 'compare',
      op: 'eq',
      left: field('status'),
      right: { kind: 'boolean', value: true },
    });
    expect(tree('status eq false')).toMatchObject({ right: { kind: 'boolean', value: false } });
  });

  it('reads cast(..., Edm.DateTimeOffset) as a date literal', () => {
    expect(tree("createdDate ge cast('2018-01-01', Edm.DateTimeOffset)")).toEqual({
      kind: 'compare',
      op: 'ge',
      left: field('createdDate'),
      right: { kind: 'date', text: '2018-01-01' },
    });
    expect(
      tree("createdDate lt cast( '2018-01-01T08:30:00+02:00' ,Edm.DateTimeOffset )"),
    ).toMatchObject({
      right: { kind: 'date', text: '2018-01-01T08:30:00+02:00' },
    });
  });

  it('keeps a quoted date a string until the type checker sees what it is compared with', () => {
    expect(tree("createdDate ge '2018-01-01'")).toEqual(cmp('createdDate', 'ge', '2018-01-01'));
  });

  it('accepts a literal on the left and two fields', () => {
    expect(tree("'Won' eq status")).toEqual({
      kind: 'compare',
      op: 'eq',
      left: str('Won'),
      right: field('status'),
    });
    expect(tree('wonDate gt acceptedDate')).toEqual({
      kind: 'compare',
      op: 'gt',
      left: field('wonDate'),
      right: field('acceptedDate'),
    });
  });

  it('reads contains(field, text)', () => {
    expect(tree("contains(customerName,'contoso')")).toEqual({
      kind: 'contains',
      field: field('customerName'),
      text: str('contoso'),
    });
    expect(tree("contains( customerName , 'it''s' )")).toMatchObject({ text: str("it's") });
  });

  it('allows any whitespace between tokens and none around parentheses', () => {
    expect(tree("\tstatus\neq\r\n'Won' ")).toEqual(cmp('status', 'eq', 'Won'));
    expect(tree("(status eq 'Won')and(id eq '1')")).toEqual({
      kind: 'and',
      operands: [cmp('status', 'eq', 'Won'), cmp('id', 'eq', '1')],
    });
  });
});

describe('parseFilter: precedence and grouping', () => {
  const a = cmp('id', 'eq', 'a');
  const b = cmp('id', 'eq', 'b');
  const c = cmp('id', 'eq', 'c');

  it('binds and more tightly than or', () => {
    expect(tree("id eq 'a' or id eq 'b' and id eq 'c'")).toEqual({
      kind: 'or',
      operands: [a, { kind: 'and', operands: [b, c] }],
    });
    expect(tree("id eq 'a' and id eq 'b' or id eq 'c'")).toEqual({
      kind: 'or',
      operands: [{ kind: 'and', operands: [a, b] }, c],
    });
  });

  it('reads a chain of one operator as one node', () => {
    expect(tree("id eq 'a' or id eq 'b' or id eq 'c'")).toEqual({
      kind: 'or',
      operands: [a, b, c],
    });
    expect(tree("id eq 'a' and id eq 'b' and id eq 'c'")).toEqual({
      kind: 'and',
      operands: [a, b, c],
    });
  });

  it('binds not more tightly than and, and less than a comparison', () => {
    expect(tree("not id eq 'a' and id eq 'b'")).toEqual({
      kind: 'and',
      operands: [{ kind: 'not', operand: a }, b],
    });
    expect(tree("not not id eq 'a'")).toEqual({
      kind: 'not',
      operand: { kind: 'not', operand: a },
    });
  });

  it('groups with parentheses, keeping a parenthesised chain its own node', () => {
    expect(tree("(id eq 'a' or id eq 'b') and id eq 'c'")).toEqual({
      kind: 'and',
      operands: [{ kind: 'or', operands: [a, b] }, c],
    });
    expect(tree("id eq 'a' and (id eq 'b' and id eq 'c')")).toEqual({
      kind: 'and',
      operands: [a, { kind: 'and', operands: [b, c] }],
    });
    expect(tree("not (id eq 'a' or id eq 'b')")).toEqual({
      kind: 'not',
      operand: { kind: 'or', operands: [a, b] },
    });
    expect(tree("((id eq 'a'))")).toEqual(a);
  });

  it('records where each node is in the text', () => {
    const result = parseFilter("not (status eq 'Won')");
    expect(result.ok && result.value).toMatchObject({
      kind: 'not',
      span: { start: 0, end: 20 },
      operand: {
        span: { start: 5, end: 20 },
        left: { span: { start: 5, end: 11 } },
        right: { span: { start: 15, end: 20 } },
      },
    });
  });
});

describe('parseFilter: errors say what and where', () => {
  // [text, message pattern, 0-based position, length]
  const cases: [string, RegExp, number, number?][] = [
    ['', /The filter is empty/, 0],
    ['   ', /The filter is empty/, 3],
    [
      "status AND id eq '1'",
      /Keywords are lower case: write and instead of AND at position 8/,
      7,
      3,
    ],
    ["status eq 'a' AND id eq '1'", /write and instead of AND at position 15/, 14, 3],
    ["status EQ 'a'", /write eq instead of EQ at position 8/, 7, 2],
    ["NOT status eq 'a'", /write not instead of NOT at position 1/, 0, 3],
    ['status eq NULL', /write null instead of NULL/, 10, 4],
    ["status eq 'abc", /Unterminated string at position 11/, 10, 4],
    ["status eq 'it''s", /Unterminated string at position 11/, 10],
    [
      'status eq "Won"',
      /Unexpected character '"' at position 11: strings are written in single quotes/,
      10,
      1,
    ],
    ["status = 'Won'", /Unexpected character '=' at position 8: compare with eq/, 7, 1],
    [
      "status eq 'a' && id eq 'b'",
      /Unexpected character '&' at position 15: combine conditions with and/,
      14,
    ],
    ["status eq 'a' # x", /Unexpected character '#' at position 15\./, 14],
    ['status eq \u0001', /Unexpected character U\+0001 at position 11/, 10],
    [
      'id eq 112310',
      /Unquoted value '112310' at position 7: write values in single quotes, as in '112310'/,
      6,
      6,
    ],
    ['createdDate ge 2026-01-01', /Unquoted value '2026-01-01' at position 16/, 15, 10],
    [
      'status',
      /Expected a comparison operator \(eq, ne, gt, ge, lt, le\) at position 7 after 'status', but found the end of the filter/,
      6,
    ],
    [
      "status is 'Won'",
      /Expected a comparison operator .* at position 8 after 'status', but found 'is'/,
      7,
      2,
    ],
    [
      'status eq',
      /Expected a field or a value after eq at position 10, but found the end of the filter/,
      9,
    ],
    [
      'status eq and',
      /Expected a field or a value after eq at position 11, but found the keyword and/,
      10,
    ],
    [
      "status eq 'a' and",
      /Expected a condition at position 18, but found the end of the filter/,
      17,
    ],
    ["and status eq 'a'", /Expected a condition at position 1, but found the keyword and/, 0],
    [
      "status eq 'a' status eq 'b'",
      /Expected and, or or the end of the filter at position 15, but found 'status'/,
      14,
    ],
    ["status eq 'a')", /Unexpected '\)' at position 14: there is no '\(' to close/, 13],
    [
      "(status eq 'a'",
      /Expected '\)' at position 15 to close the '\(' at position 1, but found the end of the filter/,
      14,
    ],
    ["(status eq 'a' 'b'", /Expected '\)' at position 16 .* but found the string 'b'/, 15],
    ['()', /Expected a condition at position 2, but found '\)'/, 1],
    ["status eq ('a')", /Expected a field or a value after eq at position 11, but found '\('/, 10],
    [
      "contains(customerName 'x')",
      /Expected ',' at position 23 between the arguments of contains/,
      22,
    ],
    [
      "contains('x', customerName)",
      /Expected a field name at position 10 as the first argument of contains/,
      9,
    ],
    [
      'contains(customerName, customerName)',
      /Expected a quoted text at position 24 as the second argument of contains/,
      23,
    ],
    ["contains(customerName, 'x'", /Expected '\)' at position 27 to end contains/, 26],
    ["contains customerName, 'x')", /Expected '\(' at position 10 after contains/, 9],
    [
      "contains(customerName, 'x') eq true",
      /Expected and, or or the end of the filter at position 29/,
      28,
    ],
    [
      "status eq contains(customerName, 'x')",
      /contains\(\.\.\.\) at position 11 is a condition of its own/,
      10,
    ],
    [
      "createdDate ge cast('2026-13-01', Edm.DateTimeOffset)",
      /the string '2026-13-01' at position 21 is not a date/,
      20,
      12,
    ],
    [
      "createdDate ge cast('2026-01-01', Edm.String)",
      /Expected Edm.DateTimeOffset at position 35 in cast/,
      34,
    ],
    ["createdDate ge cast('2026-01-01')", /Expected ',' at position 33 after the date in cast/, 32],
    [
      'createdDate ge cast(2026, Edm.DateTimeOffset)',
      /Expected a quoted date such as '2026-01-01' at position 21 in cast/,
      20,
    ],
    [
      "createdDate ge cast('2026-01-01', Edm.DateTimeOffset",
      /Expected '\)' at position 53 to end cast/,
      52,
    ],
    ["createdDate ge cast '2026-01-01'", /Expected '\(' at position 21 after cast/, 20],
  ];

  it.each(cases)('%j', (text, message, position, length) => {
    const error = failure(text);
    expect(error.message).toMatch(message);
    expect(error.position).toBe(position);
    if (length !== undefined) expect(error.length).toBe(length);
  });

  it('refuses a filter longer than 4096 characters before reading it', () => {
    const long = `customerName eq '${'x'.repeat(4096)}'`;
    const error = failure(long);
    expect(error.message).toBe(
      `The filter is ${long.length} characters long; at most 4096 are allowed.`,
    );
    expect(error.position).toBe(4096);
  });

  it('accepts a filter of exactly 4096 characters', () => {
    const prefix = "customerName eq '";
    const text = `${prefix}${'x'.repeat(4096 - prefix.length - 1)}'`;
    expect(text).toHaveLength(4096);
    expect(parseFilter(text).ok).toBe(true);
  });

  it('allows 32 levels of nesting and refuses 33, counting parentheses and not alike', () => {
    const nested = (levels: number) => `${'('.repeat(levels)}status eq 'a'${')'.repeat(levels)}`;
    expect(parseFilter(nested(32)).ok).toBe(true);
    expect(failure(nested(33))).toEqual({
      message:
        'The filter nests more than 32 levels deep at position 33 (each parenthesis and each not counts).',
      position: 32,
      length: 1,
    });
    expect(parseFilter(`${'not '.repeat(32)}status eq 'a'`).ok).toBe(true);
    expect(failure(`${'not '.repeat(33)}status eq 'a'`).position).toBe(128);
    const mixed = `${'not ('.repeat(16)}status eq 'a'${')'.repeat(16)}`;
    expect(parseFilter(mixed).ok).toBe(true);
    expect(failure(`not ${mixed}`).position).toBe(4 + 15 * 5 + 4);
  });

  it('counts depth along a path, not across siblings', () => {
    const sixteen = `${'('.repeat(16)}status eq 'a'${')'.repeat(16)}`;
    expect(parseFilter(Array.from({ length: 50 }, () => sixteen).join(' and ')).ok).toBe(true);
  });

  it('answers very deep or very long input with an error, not a crash', () => {
    expect(failure('('.repeat(100_000)).message).toMatch(/characters long/);
    expect(failure('('.repeat(4000)).message).toMatch(/nests more than 32 levels/);
    expect(failure('not '.repeat(1000)).message).toMatch(/nests more than 32 levels/);
    const chain = Array.from({ length: 250 }, (_, i) => `id eq '${i}'`).join(' or ');
    expect(chain.length).toBeLessThan(4096);
    expect(parseFilter(chain).ok).toBe(true);
  });
});
