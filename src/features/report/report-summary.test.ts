import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../filters';
import { NO_FILTERS, reportSummary } from './report-summary';

const range = { from: '2026-09-06', to: '2026-12-06' };

describe('reportSummary', () => {
  it('names the date field, the range in UTC and the granularity', () => {
    const summary = reportSummary({ filters: DEFAULT_FILTERS, range, granularity: 'week' }, null);
    expect(summary.range).toBe('Created 2026-09-06 to 2026-12-06 (UTC), per week');
  });

  it('says plainly when nothing is filtered, and that there is no as-of time before any answer', () => {
    const summary = reportSummary({ filters: DEFAULT_FILTERS, range, granularity: 'week' }, null);
    expect(summary.filters).toBe(NO_FILTERS);
    expect(summary.asOf).toBeNull();
  });

  it('lists every filter in words, the range preset left to the range line', () => {
    const filters = {
      ...DEFAULT_FILTERS,
      preset: '6m' as const,
      status: ['Won', 'Lost'],
      customerMarket: ['US'],
      customerName: 'Contoso',
    };
    const { filters: text } = reportSummary({ filters, range, granularity: 'month' }, null);
    expect(text).toBe(
      'Status Won · Status Lost · Customer market US · Customer name contains Contoso',
    );
    expect(text).not.toContain('6 months');
  });

  it('gives the as-of time with its date and time zone', () => {
    const at = Date.UTC(2026, 11, 6, 14, 2);
    const { asOf } = reportSummary(
      { filters: DEFAULT_FILTERS, range, granularity: 'week' },
      at,
      'en-GB',
    );
    expect(asOf).toMatch(/^6 Dec 2026,? \d{2}:02 \S+/);
  });
});
