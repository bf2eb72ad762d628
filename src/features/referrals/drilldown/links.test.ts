import { describe, expect, it } from 'vitest';
import { loadTableState } from '../tableUrlState';
import { isFromTable, neighbours, referralPath, tablePath } from './links';

describe('drill-down links', () => {
  const search = '?status=Won&page=3&size=25&expr=customerMarket+eq+%27US%27&sort=customerName.asc';

  it('carries the table’s state to the referral and back', () => {
    const path = referralPath('112310', search);
    expect(path).toBe(`/referrals/112310${search}`);
    const url = new URL(path, 'https://localhost');
    expect(loadTableState(url.search)).toEqual({
      page: 3,
      size: 25,
      sort: [{ id: 'customerName', desc: false }],
    });
    expect(url.searchParams.get('status')).toBe('Won');
    expect(url.searchParams.get('expr')).toBe("customerMarket eq 'US'");
    expect(tablePath(url.search)).toBe(`/${search}`);
    expect(tablePath('')).toBe('/');
  });

  it('escapes ids that are not plain digits', () => {
    expect(referralPath('a/b?c#d', '')).toBe('/referrals/a%2Fb%3Fc%23d');
  });

  it('recognises the state table links set', () => {
    expect(isFromTable({ fromTable: true })).toBe(true);
    expect(isFromTable(null)).toBe(false);
    expect(isFromTable({ fromTable: 'yes' })).toBe(false);
  });
});

describe('neighbours', () => {
  const ids = ['5', '4', '3'];

  it('gives the previous and next referral of the page', () => {
    expect(neighbours(ids, '4')).toEqual({ index: 1, previous: '5', next: '3' });
    expect(neighbours(ids, '5')).toEqual({ index: 0, previous: null, next: '4' });
    expect(neighbours(ids, '3')).toEqual({ index: 2, previous: '4', next: null });
  });

  it('gives none for a referral that is not on the page', () => {
    expect(neighbours(ids, '9')).toEqual({ index: -1, previous: null, next: null });
  });
});
