import { describe, expect, it } from 'vitest';
import {
  lastPageNumber,
  loadTableState,
  pageWindow,
  serializeTableState,
  tableParsers,
} from './table-url-state';

describe('table URL state', () => {
  it('leaves defaults out of the URL', () => {
    expect(serializeTableState({ page: 1, size: 50, sort: [] })).toBe('');
    expect(loadTableState('')).toEqual({ page: 1, size: 50, sort: [] });
  });

  it('round-trips page, size and sort', () => {
    const state = {
      page: 3,
      size: 500 as const,
      sort: [
        { id: 'createdDate' as const, desc: true },
        { id: 'customerName' as const, desc: false },
      ],
    };
    const search = serializeTableState(state);
    expect(search).toContain('page=3');
    expect(search).toContain('size=500');
    expect(search).toContain('sort=createdDate.desc,customerName.asc');
    expect(loadTableState(search)).toEqual(state);
  });

  it('keeps the other keys of a URL (the filter bar’s) when adding its own', () => {
    const search = serializeTableState('/?status=Won&range=last-12-months', { page: 2 });
    const params = new URLSearchParams(search.slice(search.indexOf('?')));
    expect(params.get('status')).toBe('Won');
    expect(params.get('page')).toBe('2');
  });

  it.each([
    ['page=0', 'page', 1],
    ['page=-2', 'page', 1],
    ['page=2.5', 'page', 1],
    ['page=abc', 'page', 1],
    ['size=42', 'size', 50],
    ['size=10000', 'size', 10000],
    ['sort=nope.asc', 'sort', []],
    ['sort=status.sideways', 'sort', []],
    ['sort=status.asc,status.desc', 'sort', []],
  ])('falls back to the default for a bad value: %s', (search, key, expected) => {
    expect(loadTableState(`?${search}`)[key as keyof typeof tableParsers]).toEqual(expected);
  });

  it('turns a page into skip and top', () => {
    expect(pageWindow(1, 50)).toEqual({ skip: 0, top: 50 });
    expect(pageWindow(3, 25)).toEqual({ skip: 50, top: 25 });
  });

  it('counts the last page, keeping one page for an empty result', () => {
    expect(lastPageNumber(0, 50)).toBe(1);
    expect(lastPageNumber(50, 50)).toBe(1);
    expect(lastPageNumber(51, 50)).toBe(2);
    expect(lastPageNumber(12345, 10000)).toBe(2);
  });
});
