import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ne, validateFilter, withoutSpans } from '../../lib/filter-grammar';
import { apiFilterText, filterExpression, typedExpression } from './api-filter';
import { resolveRange } from './date-range';
import { DEFAULT_FILTERS } from './filter-state';
import { filtersArbitrary } from './testing/arbitraries';

const now = new Date('2026-11-24T12:00:00Z');
const range = { from: '2026-08-24', to: '2026-11-24' };

describe('filter bar state to API filter', () => {
  it('builds the date range with an exclusive end the day after', () => {
    expect(apiFilterText(DEFAULT_FILTERS, range)).toBe(
      "createdDate ge cast('2026-08-24', Edm.DateTimeOffset) and createdDate lt cast('2026-11-25', Edm.DateTimeOffset)",
    );
  });

  it('ors the values of one field, ands the fields, and doubles quotes', () => {
    const text = apiFilterText(
      {
        ...DEFAULT_FILTERS,
        dateField: 'wonDate',
        status: ['Won', 'Lost'],
        customerMarket: ['US'],
        customerName: "O'Brien",
        reached: 'acceptedDate',
      },
      range,
    );
    expect(text).toBe(
      "wonDate ge cast('2026-08-24', Edm.DateTimeOffset) and wonDate lt cast('2026-11-25', Edm.DateTimeOffset)" +
        " and (status eq 'Won' or status eq 'Lost') and customerMarket eq 'US'" +
        " and contains(customerName, 'O''Brien') and acceptedDate ne null",
    );
  });

  it('ands the typed expression with the rest, keeping an or together', () => {
    const text = apiFilterText(
      {
        ...DEFAULT_FILTERS,
        status: ['Won'],
        expression: "customerMarket eq 'US' or customerMarket eq 'DE'",
      },
      range,
    );
    expect(text).toMatch(
      /^createdDate ge .* and status eq 'Won' and \(customerMarket eq 'US' or customerMarket eq 'DE'\)$/,
    );
    // Every query built from the view carries it, the stage queries' too.
    expect(
      apiFilterText(
        { ...DEFAULT_FILTERS, expression: "customerMarket eq 'US'" },
        range,
        ne('wonDate', null),
      ),
    ).toMatch(/ and customerMarket eq 'US' and wonDate ne null$/);
  });

  it('leaves out an expression that does not check, so nothing invalid is sent', () => {
    const invalid = { ...DEFAULT_FILTERS, expression: "colour eq 'red'" };
    expect(apiFilterText(invalid, range)).toBe(apiFilterText(DEFAULT_FILTERS, range));
  });

  it('checks a typed expression: what is wrong and where', () => {
    expect(typedExpression('  ')).toEqual({ ok: true, value: null });
    const result = typedExpression("customerName eq 'Contoso' and");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.position).toBeGreaterThanOrEqual(25);
    expect(result.error.message).toMatch(/position/i);
    expect(typedExpression("createdDate eq 'soon'").ok).toBe(false);
  });

  it('always builds a filter that parses and type-checks back to the same tree', () => {
    fc.assert(
      fc.property(filtersArbitrary, (filters) => {
        const dayRange = resolveRange(filters.preset, filters, now);
        const built = filterExpression(filters, dayRange);
        const text = apiFilterText(filters, dayRange);
        if (built === null || text === undefined)
          throw new Error('the date range is always part of the filter');
        const parsed = validateFilter(text);
        if (!parsed.ok) throw new Error(`${parsed.error.message} in ${text}`);
        expect(withoutSpans(parsed.value.expr)).toEqual(built);
      }),
    );
  });
});
