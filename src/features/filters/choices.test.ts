import { describe, expect, it } from 'vitest';
import { toChoices } from './choices';

describe('toChoices', () => {
  it('lists the values in the data with their counts, in the field’s natural order', () => {
    const buckets = [
      { key: { status: 'Won' }, count: 3 },
      { key: { status: 'New' }, count: '7' as unknown as number },
      { key: { status: null }, count: 1 },
    ];
    expect(toChoices('status', buckets, [])).toEqual([
      { value: 'New', label: 'New', count: 7 },
      { value: 'Won', label: 'Won', count: 3 },
    ]);
  });

  it('keeps chosen values that no longer match, with a zero count', () => {
    expect(
      toChoices('customerMarket', [{ key: { customerMarket: 'US' }, count: 1 }], ['GB']),
    ).toEqual([
      { value: 'GB', label: 'GB', count: 0, detail: 'United Kingdom' },
      { value: 'US', label: 'US', count: 1, detail: 'United States' },
    ]);
  });

  it('gives markets their country’s name to show and search by', () => {
    expect(
      toChoices('partnerMarket', [{ key: { partnerMarket: 'DE' }, count: 2 }], ['Mars']),
    ).toEqual([
      { value: 'DE', label: 'DE', count: 2, detail: 'Germany' },
      { value: 'Mars', label: 'Mars', count: 0 },
    ]);
  });

  it('orders organisation sizes by size, says them as people do, and has no counts while loading', () => {
    expect(
      toChoices('customerOrgSize', undefined, ['Morethan20000employees', '1to9employees']),
    ).toEqual([
      { value: '1to9employees', label: '1–9', count: null },
      { value: 'Morethan20000employees', label: '20,000+', count: null },
    ]);
  });

  it('lists the older scheme’s sizes as their own group, after the current ones', () => {
    expect(
      toChoices('customerOrgSize', undefined, [
        'Morethan500employees',
        '1to9employees',
        '1to50employees',
      ]),
    ).toEqual([
      { value: '1to9employees', label: '1–9', count: null },
      { value: '1to50employees', label: '1–50 (older)', count: null, group: 'Older size bands' },
      {
        value: 'Morethan500employees',
        label: '500+ (older)',
        count: null,
        group: 'Older size bands',
      },
    ]);
  });
});
