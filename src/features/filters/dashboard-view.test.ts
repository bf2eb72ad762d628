import { describe, expect, it } from 'vitest';
import { dashboardView } from './dashboard-view';
import { DEFAULT_FILTERS } from './filter-state';

describe('dashboardView', () => {
  it('gives the default view: the last 3 months by week, the period before, and the created-date filter', () => {
    const view = dashboardView(DEFAULT_FILTERS, null, '2026-11-24');
    expect(view.range).toEqual({ from: '2026-08-24', to: '2026-11-24' });
    expect(view.compare).toBe('previous');
    expect(view.comparison).toEqual({
      kind: 'previous',
      range: { from: '2026-05-23', to: '2026-08-23' },
      outcomeCutoff: '2026-08-23',
    });
    expect(view.granularity).toBe('week');
    expect(view.rangeGranularity).toBe('week');
    expect(view.apiFilter).toBe(
      "createdDate ge cast('2026-08-24', Edm.DateTimeOffset) and createdDate lt cast('2026-11-25', Edm.DateTimeOffset)",
    );
  });

  it("follows the user's granularity over the range's", () => {
    const view = dashboardView(DEFAULT_FILTERS, 'day', '2026-11-24');
    expect(view.granularity).toBe('day');
    expect(view.rangeGranularity).toBe('week');
  });

  it('compares with the same days last year, or with nothing', () => {
    expect(dashboardView(DEFAULT_FILTERS, null, '2026-11-24', 'last-year').comparison).toEqual({
      kind: 'last-year',
      range: { from: '2025-08-24', to: '2025-11-24' },
      outcomeCutoff: '2025-11-24',
    });
    expect(dashboardView(DEFAULT_FILTERS, null, '2026-11-24', 'off').comparison).toBeNull();
  });
});
