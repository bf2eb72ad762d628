import { describe, expect, it } from 'vitest';
import { pageRangeText } from './page-range';

describe('pageRangeText', () => {
  it('gives the rows of the page out of the total', () => {
    expect(pageRangeText(1, 50, 50, 12345)).toBe('1–50 of 12,345');
    expect(pageRangeText(2, 50, 50, 12345)).toBe('51–100 of 12,345');
  });

  it('ends the last page at the total', () => {
    expect(pageRangeText(247, 50, 45, 12345)).toBe('12,301–12,345 of 12,345');
    expect(pageRangeText(2, 10000, 2345, 12345)).toBe('10,001–12,345 of 12,345');
  });

  it('copes with no TotalCount and with empty results', () => {
    expect(pageRangeText(3, 25, 25, null)).toBe('51–75');
    expect(pageRangeText(1, 50, 0, 0)).toBe('No referrals');
    expect(pageRangeText(9, 50, 0, 120)).toBe('No rows on this page (120 in all)');
  });
});
