import { describe, expect, it } from 'vitest';
import { describeFilters } from './describe-filters';
import { DEFAULT_FILTERS } from './filter-state';

const range = { from: '2026-08-24', to: '2026-11-24' };

describe('describeFilters', () => {
  it('names the date field, range and chosen values', () => {
    expect(describeFilters(DEFAULT_FILTERS, range)).toBe('created-2026-08-24-to-2026-11-24');
    expect(describeFilters({ ...DEFAULT_FILTERS, status: ['Won'] }, range)).toBe(
      'created-2026-08-24-to-2026-11-24_status-Won',
    );
    expect(
      describeFilters(
        {
          ...DEFAULT_FILTERS,
          dateField: 'acceptedDate',
          customerMarket: ['US', 'GB'],
          reached: 'wonDate',
        },
        range,
      ),
    ).toBe('accepted-2026-08-24-to-2026-11-24_market-US-GB_reached-won');
  });

  it('keeps only letters and digits of any script from user text', () => {
    expect(
      describeFilters({ ...DEFAULT_FILTERS, customerName: '../"Ünïcode" / 東京 <x>' }, range),
    ).toBe('created-2026-08-24-to-2026-11-24_customer-Ünïcode-東京-x');
  });

  it('stays short', () => {
    const long = describeFilters({
      ...DEFAULT_FILTERS,
      customerMarket: Array.from({ length: 80 }, (_, i) => `M${i}`),
    });
    expect(long.length).toBeLessThanOrEqual(150);
    expect(long).not.toMatch(/[-_]$/);
  });
});
