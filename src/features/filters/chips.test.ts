import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeChips, viewSummary, withoutFilter } from './chips';
import { DEFAULT_FILTERS } from './filter-state';
import { filtersArbitrary } from './testing/arbitraries';

describe('filter chips', () => {
  it('shows none for the default view', () => {
    expect(activeChips(DEFAULT_FILTERS)).toEqual([]);
  });

  it('names each active filter, one chip per chosen value', () => {
    const chips = activeChips({
      ...DEFAULT_FILTERS,
      preset: '12m',
      dateField: 'wonDate',
      status: ['Won', 'Lost'],
      customerOrgSize: ['1to9employees'],
      customerName: 'Contoso',
      reached: 'acceptedDate',
      expression: "customerMarket eq 'US'",
    });
    expect(chips.map((c) => c.label)).toEqual([
      'Won Last 12 months',
      'Status Won',
      'Status Lost',
      'Organisation size 1–9',
      'Customer name contains Contoso',
      'Reached Accepted',
      "Expression: customerMarket eq 'US'",
    ]);
    expect(activeChips({ ...DEFAULT_FILTERS, expression: 'status eq' })[0]?.label).toBe(
      'Expression (not applied): status eq',
    );
    expect(
      activeChips({ ...DEFAULT_FILTERS, preset: 'custom', from: '2026-01-01', to: '2026-01-31' })[0]
        ?.label,
    ).toBe('Created 2026-01-01 to 2026-01-31');
  });

  it('removing a chip removes exactly that filter', () => {
    fc.assert(
      fc.property(filtersArbitrary, (filters) => {
        for (const chip of activeChips(filters)) {
          const rest = activeChips(withoutFilter(filters, chip.target)).map((c) => c.id);
          expect(rest).toEqual(
            activeChips(filters)
              .map((c) => c.id)
              .filter((id) => id !== chip.id),
          );
        }
      }),
    );
  });

  it('says a whole view in words, range first', () => {
    const range = { from: '2026-08-24', to: '2026-11-24' };
    expect(viewSummary(DEFAULT_FILTERS, range)).toBe('Created 2026-08-24 to 2026-11-24');
    expect(
      viewSummary(
        {
          ...DEFAULT_FILTERS,
          preset: '12m',
          status: ['Won'],
          expression: "customerMarket eq 'US'",
        },
        range,
      ),
    ).toBe("Created 2026-08-24 to 2026-11-24 · Status Won · Expression: customerMarket eq 'US'");
  });
});
