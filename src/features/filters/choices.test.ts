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
      { value: 'New', count: 7 },
      { value: 'Won', count: 3 },
    ]);
  });

  it('keeps chosen values that no longer match, with a zero count', () => {
    expect(
      toChoices('customerMarket', [{ key: { customerMarket: 'US' }, count: 1 }], ['GB']),
    ).toEqual([
      { value: 'GB', count: 0 },
      { value: 'US', count: 1 },
    ]);
  });

  it('orders organisation sizes by size and has no counts while loading', () => {
    expect(
      toChoices('customerOrgSize', undefined, ['Morethan20000employees', '1to9employees']),
    ).toEqual([
      { value: '1to9employees', count: null },
      { value: 'Morethan20000employees', count: null },
    ]);
  });
});
