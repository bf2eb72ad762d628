import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGGREGATION_LEVELS } from '../../lib/referrals/schema';
import { COMPARISONS } from '../../lib/dates/comparison';
import { DEFAULT_FILTERS } from './filter-state';
import { filtersArbitrary } from './testing/arbitraries';
import { parseFilters, serializeFilters } from './url-state';

describe('filter URL state', () => {
  it('round-trips any filter state, granularity and comparison through the query string', () => {
    fc.assert(
      fc.property(
        filtersArbitrary,
        fc.option(fc.constantFrom(...AGGREGATION_LEVELS)),
        fc.constantFrom(...COMPARISONS),
        (filters, granularity, compare) => {
          const search = serializeFilters(filters, granularity, compare);
          expect(parseFilters(search)).toEqual({ filters, granularity, compare });
        },
      ),
    );
  });

  it('writes the comparison only when it is not the previous period', () => {
    expect(serializeFilters(DEFAULT_FILTERS, null, 'previous')).toBe('');
    expect(serializeFilters(DEFAULT_FILTERS, null, 'last-year')).toBe('?compare=last-year');
    expect(serializeFilters(DEFAULT_FILTERS, null, 'off')).toBe('?compare=off');
  });

  it('leaves defaults out of the URL', () => {
    expect(serializeFilters(DEFAULT_FILTERS, null)).toBe('');
    expect(serializeFilters({ ...DEFAULT_FILTERS, status: ['Won', 'Lost'] }, 'day')).toBe(
      '?status=Won&status=Lost&granularity=day',
    );
  });

  it('drops custom bounds unless the range is custom', () => {
    const search = serializeFilters(
      { ...DEFAULT_FILTERS, preset: '12m', from: '2026-01-01', to: '2026-02-01' },
      null,
    );
    expect(search).toBe('?range=12m');
  });

  it('keeps commas, quotes and ampersands inside values', () => {
    const filters = {
      ...DEFAULT_FILTERS,
      customerMarket: ['a,b', "O'Brien & Co"],
      customerName: "x'&y=z",
    };
    expect(parseFilters(serializeFilters(filters, null)).filters).toEqual(filters);
  });

  it('falls back to defaults, field by field, for values it does not know', () => {
    const parsed = parseFilters(
      '?range=forever&date=birthday&from=2026-02-30&granularity=hour&compare=decade&status=Won',
    );
    expect(parsed).toEqual({
      filters: { ...DEFAULT_FILTERS, status: ['Won'] },
      granularity: null,
      compare: 'previous',
    });
    expect(parseFilters('?compare=').compare).toBe('previous');
    expect(parseFilters('?compare=OFF').compare).toBe('previous');
  });
});
