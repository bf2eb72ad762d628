import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../../../filters';
import { wrapText } from './chart-image';
import { chartImageCaption } from './image-caption';

const range = { from: '2026-09-06', to: '2026-12-06' };

describe('chartImageCaption', () => {
  it('always names the date range, in UTC', () => {
    expect(chartImageCaption({ filters: DEFAULT_FILTERS, range })).toBe(
      'Created 2026-09-06 to 2026-12-06 (UTC)',
    );
  });

  it('adds every filter after the range', () => {
    const filters = {
      ...DEFAULT_FILTERS,
      preset: '6m' as const,
      status: ['Won'],
      customerMarket: ['US'],
      customerName: '<b>Contoso</b>',
    };
    const caption = chartImageCaption({ filters, range });
    expect(caption).toMatch(/^Created 2026-09-06 to 2026-12-06 \(UTC\) · /);
    expect(caption).toContain('Won');
    expect(caption).toContain('US');
    expect(caption).toContain('Customer name contains <b>Contoso</b>');
    expect(caption).not.toContain('Last 6 months');
  });
});

describe('wrapText', () => {
  it('breaks at spaces within the width and never drops a word', () => {
    expect(wrapText('aa bb cc dd', 5)).toEqual(['aa bb', 'cc dd']);
    expect(wrapText('averyveryverylongword x', 5)).toEqual(['averyveryverylongword', 'x']);
  });
});
