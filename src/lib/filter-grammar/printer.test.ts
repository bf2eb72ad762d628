import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exprArbitrary, filterLikeTextArbitrary } from './arbitraries';
import type { Expr } from './ast';
import { validateFilter } from './check';
import { parseFilter } from './parser';
import { printFilter, quoteString } from './printer';
import { withoutSpans } from './spans';

function reprint(text: string): string {
  const result = parseFilter(text);
  if (!result.ok) throw new Error(result.error.message);
  return printFilter(result.value);
}

describe('printFilter', () => {
  it('prints canonical text: single spaces, no needless parentheses', () => {
    expect(reprint("  status  eq 'Won'and(id eq '1')")).toBe("status eq 'Won' and id eq '1'");
    expect(reprint("((status eq 'Won'))")).toBe("status eq 'Won'");
    expect(reprint("contains(customerName,'x')")).toBe("contains(customerName, 'x')");
    expect(reprint("createdDate ge cast( '2026-01-01' ,Edm.DateTimeOffset)")).toBe(
      "createdDate ge cast('2026-01-01', Edm.DateTimeOffset)",
    );
    expect(reprint('wonDate ne null and status eq true')).toBe(
      'wonDate ne null and status eq true',
    );
  });

  it('quotes strings, doubling single quotes', () => {
    expect(quoteString("O'Brien")).toBe("'O''Brien'");
    expect(quoteString('')).toBe("''");
    expect(reprint("customerName eq 'O''Brien'''")).toBe("customerName eq 'O''Brien'''");
  });

  it('keeps the grouping of the tree', () => {
    expect(reprint("(id eq 'a' or id eq 'b') and id eq 'c'")).toBe(
      "(id eq 'a' or id eq 'b') and id eq 'c'",
    );
    expect(reprint("id eq 'a' or id eq 'b' and id eq 'c'")).toBe(
      "id eq 'a' or id eq 'b' and id eq 'c'",
    );
    expect(reprint("id eq 'a' and (id eq 'b' and id eq 'c')")).toBe(
      "id eq 'a' and (id eq 'b' and id eq 'c')",
    );
    expect(reprint("id eq 'a' or (id eq 'b' or id eq 'c')")).toBe(
      "id eq 'a' or (id eq 'b' or id eq 'c')",
    );
    expect(reprint("not (id eq 'a' and id eq 'b')")).toBe("not (id eq 'a' and id eq 'b')");
    expect(reprint("not not id eq 'a'")).toBe("not not id eq 'a'");
    expect(reprint("(not id eq 'a') and id eq 'b'")).toBe("not id eq 'a' and id eq 'b'");
  });

  it('prints nothing for no filter', () => {
    expect(printFilter(null)).toBe('');
    expect(printFilter(undefined)).toBe('');
  });
});

// Property tests run hundreds of cases: on a busy shared machine they need more than the default 5 s.
describe('grammar properties', { timeout: 30_000 }, () => {
  it('printing a tree and parsing the text gives the same tree', () => {
    fc.assert(
      fc.property(exprArbitrary, (expr: Expr) => {
        const text = printFilter(expr);
        const parsed = parseFilter(text);
        if (!parsed.ok) throw new Error(`${text}: ${parsed.error.message}`);
        expect(withoutSpans(parsed.value)).toEqual(expr);
      }),
      { numRuns: 500 },
    );
  });

  it('any text that parses prints to text that parses to the same tree', () => {
    fc.assert(
      fc.property(filterLikeTextArbitrary, (text) => {
        const parsed = parseFilter(text);
        if (!parsed.ok) return;
        const again = parseFilter(printFilter(parsed.value));
        expect(again.ok && withoutSpans(again.value)).toEqual(withoutSpans(parsed.value));
      }),
      { numRuns: 1000 },
    );
  });

  it('random text never throws: it parses or gets an error placed inside the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 60 }),
          fc.string({ unit: 'binary', maxLength: 60 }),
          filterLikeTextArbitrary,
        ),
        (text) => {
          const result = validateFilter(text);
          if (!result.ok) {
            expect(result.error.message.length).toBeGreaterThan(0);
            expect(result.error.position).toBeGreaterThanOrEqual(0);
            expect(result.error.position).toBeLessThanOrEqual(text.length);
            expect(result.error.message).toMatch(/position \d+|characters long|is empty/);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('deep nesting and long input give errors, not crashes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 33, max: 5000 }),
        fc.constantFrom('(', 'not ', 'not (', '(not '),
        (levels, unit) => {
          const result = validateFilter(`${unit.repeat(levels)}status eq 'a'${')'.repeat(levels)}`);
          expect(result.ok).toBe(false);
        },
      ),
      { numRuns: 50 },
    );
  });
});
