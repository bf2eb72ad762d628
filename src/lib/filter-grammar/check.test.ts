import { describe, expect, it } from 'vitest';
import type { TypedExpr } from './ast';
import { checkFilter, validateFilter } from './check';
import { and, eq } from './builders';

function typed(text: string): TypedExpr {
  const result = validateFilter(text);
  if (!result.ok) throw new Error(`expected ${text} to check: ${result.error.message}`);
  return result.value.typed;
}

function failure(text: string) {
  const result = validateFilter(text);
  if (result.ok) throw new Error(`expected ${text} to fail`);
  return result.error;
}

const JAN_1_2026 = Date.UTC(2026, 0, 1);

describe('validateFilter: types', () => {
  it('compares text fields with quoted text', () => {
    expect(typed("customerName eq 'O''Brien'")).toEqual({
      kind: 'compareString',
      op: 'eq',
      field: 'customerName',
      value: "O'Brien",
    });
  });

  it('reads a quoted date as text where it is compared with a text field', () => {
    expect(typed("customerName eq '2026-01-01'")).toEqual({
      kind: 'compareString',
      op: 'eq',
      field: 'customerName',
      value: '2026-01-01',
    });
  });

  it('reads quoted and cast dates compared with date fields as UTC instants', () => {
    const instant = (text: string) => (typed(text) as { value: number }).value;
    expect(typed("createdDate ge '2026-01-01'")).toEqual({
      kind: 'compareDate',
      op: 'ge',
      field: 'createdDate',
      value: JAN_1_2026,
    });
    expect(instant("createdDate ge cast('2026-01-01', Edm.DateTimeOffset)")).toBe(JAN_1_2026);
    expect(instant("createdDate ge '2026-01-01T08:00:00'")).toBe(JAN_1_2026 + 8 * 3_600_000);
    expect(instant("createdDate ge '2026-01-01T08:00:00Z'")).toBe(JAN_1_2026 + 8 * 3_600_000);
    expect(instant("createdDate ge '2026-01-01T08:00:00+02:00'")).toBe(JAN_1_2026 + 6 * 3_600_000);
  });

  it('moves a literal on the left to the right, turning the operator round', () => {
    expect(typed("'2026-01-01' lt createdDate")).toEqual({
      kind: 'compareDate',
      op: 'gt',
      field: 'createdDate',
      value: JAN_1_2026,
    });
    expect(typed("'b' ge status")).toMatchObject({
      kind: 'compareString',
      op: 'le',
      field: 'status',
    });
    expect(typed("'b' eq status")).toMatchObject({ op: 'eq' });
    expect(typed('null ne wonDate')).toEqual({ kind: 'compareNull', op: 'ne', field: 'wonDate' });
  });

  it('compares any field with null', () => {
    expect(typed('wonDate eq null')).toEqual({ kind: 'compareNull', op: 'eq', field: 'wonDate' });
    expect(typed('customerName ne null')).toEqual({
      kind: 'compareNull',
      op: 'ne',
      field: 'customerName',
    });
    expect(typed('wonDate gt null')).toEqual({ kind: 'compareNull', op: 'gt', field: 'wonDate' });
  });

  it('compares two fields of the same type', () => {
    expect(typed('wonDate ge acceptedDate')).toEqual({
      kind: 'compareFields',
      op: 'ge',
      type: 'date',
      left: 'wonDate',
      right: 'acceptedDate',
    });
    expect(typed('customerMarket ne partnerMarket')).toMatchObject({ type: 'string' });
  });

  it('checks every part of and, or and not', () => {
    expect(typed("not (status eq 'Won' or contains(customerName, 'x')) and id eq '1'")).toEqual({
      kind: 'and',
      operands: [
        {
          kind: 'not',
          operand: {
            kind: 'or',
            operands: [
              { kind: 'compareString', op: 'eq', field: 'status', value: 'Won' },
              { kind: 'contains', field: 'customerName', text: 'x' },
            ],
          },
        },
        { kind: 'compareString', op: 'eq', field: 'id', value: '1' },
      ],
    });
  });
});

describe('validateFilter: type errors say what and where', () => {
  const fields =
    'Fields are: id, status, customerMarket, customerName, customerOrgSize, createdDate, acknowledgedDate, acceptedDate, declinedDate, expiredDate, lostDate, missedDate, skippedDate, wonDate, archivedDate, partnerMarket.';

  it('names an unknown field, where it is, and the fields there are', () => {
    expect(failure("custName eq 'x'")).toEqual({
      message: `Unknown field 'custName' at position 1. ${fields}`,
      position: 0,
      length: 8,
    });
  });

  it('suggests the field a near miss meant', () => {
    expect(failure("status eq 'a' and CustomerName eq 'x'").message).toBe(
      `Unknown field 'CustomerName' at position 19. Field names are case-sensitive: did you mean customerName? ${fields}`,
    );
    expect(failure('wonDat eq null').message).toMatch(
      /^Unknown field 'wonDat' at position 1\. Did you mean wonDate\?/,
    );
  });

  it('finds unknown fields on either side, in contains, and under not', () => {
    expect(failure("'x' eq nope").position).toBe(7);
    expect(failure('status eq nope').position).toBe(10);
    expect(failure("contains(nope, 'x')").position).toBe(9);
    expect(failure("not (status eq 'a' or nope eq 'x')").position).toBe(22);
  });

  const cases: [string, RegExp, number, number?][] = [
    [
      "createdDate eq 'yesterday'",
      /createdDate is a date field and cannot be compared with 'yesterday' at position 16: write a date such as '2026-01-01'/,
      15,
      11,
    ],
    ["createdDate eq '2026-02-30'", /cannot be compared with '2026-02-30' at position 16/, 15],
    ["createdDate eq '2026-01-01 08:00'", /cannot be compared with '2026-01-01 08:00'/, 15],
    [
      'createdDate eq true',
      /createdDate is a date field and cannot be compared with true at position 16/,
      15,
      4,
    ],
    [
      "customerName eq cast('2026-01-01', Edm.DateTimeOffset)",
      /customerName is a text field and cannot be compared with the date cast\('2026-01-01', Edm.DateTimeOffset\) at position 17/,
      16,
      38,
    ],
    [
      'status eq false',
      /status is a text field and cannot be compared with false at position 11: no field is true or false/,
      10,
    ],
    [
      'customerName eq createdDate',
      /Cannot compare customerName \(text\) with createdDate \(date\) at position 1/,
      0,
      27,
    ],
    [
      "contains(createdDate, '2026')",
      /contains works on text fields only, and createdDate at position 10 is a date field/,
      9,
      11,
    ],
    ["'a' eq 'b'", /The comparison at position 1 has no field/, 0, 10],
    ['null eq null', /The comparison at position 1 has no field/, 0],
  ];

  it.each(cases)('%j', (text, message, position, length) => {
    const error = failure(text);
    expect(error.message).toMatch(message);
    expect(error.position).toBe(position);
    if (length !== undefined) expect(error.length).toBe(length);
  });

  it('reports syntax errors before type errors', () => {
    expect(failure("nope eq 'x' and").message).toMatch(/Expected a condition/);
  });

  it('checks trees made by the builders, which carry no positions', () => {
    const built = and(eq('status', 'Won'), eq('createdDate', '2026-01-01'));
    const result = checkFilter(built ?? eq('id', '1'));
    expect(result.ok).toBe(true);
    const unknown = checkFilter({
      kind: 'compare',
      op: 'eq',
      left: { kind: 'field', name: 'nope' },
      right: { kind: 'string', value: 'x' },
    });
    expect(unknown).toMatchObject({ ok: false, error: { position: 0 } });
    expect(!unknown.ok && unknown.error.message).toMatch(/^Unknown field 'nope'\. Fields are/);
  });
});
