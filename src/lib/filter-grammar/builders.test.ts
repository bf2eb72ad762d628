import { describe, expect, it } from 'vitest';
import { and, compare, contains, dateRange, eq, inList, ne, not, or } from './builders';
import { validateFilter } from './check';
import { printFilter } from './printer';

describe('filter builders', () => {
  it('quote text and write dates as cast(...)', () => {
    expect(printFilter(eq('customerName', "O'Brien"))).toBe("customerName eq 'O''Brien'");
    expect(printFilter(ne('status', 'Won'))).toBe("status ne 'Won'");
    expect(printFilter(compare('createdDate', 'ge', '2026-01-01'))).toBe(
      "createdDate ge cast('2026-01-01', Edm.DateTimeOffset)",
    );
    expect(printFilter(eq('wonDate', null))).toBe('wonDate eq null');
  });

  it('refuse a date field given something that is not a date', () => {
    expect(() => compare('createdDate', 'ge', 'last week')).toThrow(RangeError);
  });

  it('inList makes an or-chain of distinct values, or nothing', () => {
    expect(printFilter(inList('status', ['Won', 'Lost', 'Won']))).toBe(
      "status eq 'Won' or status eq 'Lost'",
    );
    expect(printFilter(inList('status', ['Won']))).toBe("status eq 'Won'");
    expect(inList('status', [])).toBeNull();
  });

  it('contains skips empty text', () => {
    expect(printFilter(contains('customerName', "it's"))).toBe("contains(customerName, 'it''s')");
    expect(contains('customerName', '')).toBeNull();
  });

  it('dateRange is ge the start and lt the exclusive end, either optional', () => {
    expect(printFilter(dateRange('createdDate', '2026-01-01', '2026-02-01'))).toBe(
      "createdDate ge cast('2026-01-01', Edm.DateTimeOffset) and createdDate lt cast('2026-02-01', Edm.DateTimeOffset)",
    );
    expect(printFilter(dateRange('wonDate', null, '2026-02-01T00:00:00Z'))).toBe(
      "wonDate lt cast('2026-02-01T00:00:00Z', Edm.DateTimeOffset)",
    );
    expect(dateRange('wonDate', undefined, null)).toBeNull();
  });

  it('and/or skip empty parts, flatten their own kind and parenthesise the other', () => {
    expect(and(null, undefined, false)).toBeNull();
    expect(and(eq('id', '1'), null)).toEqual(eq('id', '1'));
    const filter = and(
      inList('status', ['Won', 'Lost']),
      and(eq('customerMarket', 'US'), contains('customerName', 'a')),
      not(or(eq('id', '1'), eq('id', '2'))),
      dateRange('createdDate', '2026-01-01', null),
    );
    expect(printFilter(filter)).toBe(
      "(status eq 'Won' or status eq 'Lost') and customerMarket eq 'US' and contains(customerName, 'a') and not (id eq '1' or id eq '2') and createdDate ge cast('2026-01-01', Edm.DateTimeOffset)",
    );
    expect(not(null)).toBeNull();
  });

  it('build filters that pass the type checker', () => {
    const filter = and(
      inList('customerMarket', ['US', 'GB']),
      dateRange('createdDate', '2025-01-01', '2026-01-01T00:00:00+01:00'),
      ne('wonDate', null),
      contains('customerName', "O'"),
    );
    const result = validateFilter(printFilter(filter));
    expect(result.ok).toBe(true);
  });
});
