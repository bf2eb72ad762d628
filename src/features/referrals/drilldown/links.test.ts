import { describe, expect, it } from 'vitest';
import { loadTableState } from '../table-url-state';
import { isFromTable, neighbours, referralPath, searchWithPage, tablePath } from './links';

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

  it('recognises the state table links set, for the list they were followed from', () => {
    expect(isFromTable({ fromTable: true, search: '?page=2' }, '?page=2')).toBe(true);
    // Next across a page edge: the drill-down now shows another list than the table entry's.
    expect(isFromTable({ fromTable: true, search: '?page=2' }, '?page=3')).toBe(false);
    expect(isFromTable(null, '')).toBe(false);
    expect(isFromTable({ fromTable: 'yes', search: '' }, '')).toBe(false);
  });

  it('moves the list to another page, leaving the sort behind', () => {
    expect(searchWithPage('?status=Won&page=4&size=100&sort=customerName.asc', 5)).toBe(
      '?status=Won&page=5&size=100',
    );
    expect(searchWithPage('?page=2&size=25', 1)).toBe('?size=25');
    expect(searchWithPage('', 2)).toBe('?page=2');
    expect(searchWithPage('?page=2', 1)).toBe('');
  });
});

describe('neighbours', () => {
  const ids = ['5', '4', '3'];

  it('gives the previous and next referral of the page', () => {
    const list = { page: 2, ids };
    expect(neighbours(list, '4')).toEqual({
      index: 1,
      previous: { id: '5', page: 2 },
      next: { id: '3', page: 2 },
    });
  });

  it('steps across the edges of the page once the pages around are known', () => {
    const list = { page: 2, ids, previousIds: ['8', '7', '6'], nextIds: ['2', '1'] };
    expect(neighbours(list, '5').previous).toEqual({ id: '6', page: 1 });
    expect(neighbours(list, '3').next).toEqual({ id: '2', page: 3 });
    // Not yet known, or no page there: no link.
    expect(neighbours({ page: 2, ids }, '3').next).toBeNull();
    expect(neighbours({ page: 2, ids, nextIds: [] }, '3').next).toBeNull();
    expect(neighbours({ page: 1, ids, previousIds: ['9'] }, '5').previous).toBeNull();
  });

  it('gives none for a referral that is not on the page', () => {
    expect(neighbours({ page: 1, ids }, '9')).toEqual({ index: -1, previous: null, next: null });
  });
});
