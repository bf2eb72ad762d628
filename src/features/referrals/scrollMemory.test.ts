import { describe, expect, it } from 'vitest';
import { moveTableScroll, rememberTableScroll, takeTableScroll } from './scrollMemory';

function memory() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('table scroll memory', () => {
  it('gives back the scroll remembered for the same URL, once', () => {
    const store = memory();
    rememberTableScroll({ search: '?page=3', container: 1234, window: 560, row: 40 }, store);
    expect(takeTableScroll('?page=4', store)).toBeNull();
    expect(takeTableScroll('?page=3', store)).toEqual({
      search: '?page=3',
      container: 1234,
      window: 560,
      row: 40,
    });
    expect(takeTableScroll('?page=3', store)).toBeNull();
  });

  it('matches a list however its parameters are ordered', () => {
    const store = memory();
    rememberTableScroll({ search: '?page=3&size=100', container: 1, window: 2, row: 3 }, store);
    expect(takeTableScroll('?size=100&page=3', store)?.row).toBe(3);
  });

  it('moves to another page of the list, keeping the window and showing the row', () => {
    const store = memory();
    rememberTableScroll({ search: '?page=3', container: 900, window: 560, row: 49 }, store);
    moveTableScroll('?page=4', 0, store);
    expect(takeTableScroll('?page=3', store)).toBeNull();
    expect(takeTableScroll('?page=4', store)).toEqual({
      search: '?page=4',
      container: 0,
      window: 560,
      row: 0,
    });
  });

  it('ignores broken entries and missing storage', () => {
    const store = memory();
    store.setItem('referral-lens.referrals-table.scroll', '{oops');
    expect(takeTableScroll('', store)).toBeNull();
    expect(takeTableScroll('', null)).toBeNull();
    store.setItem(
      'referral-lens.referrals-table.scroll',
      JSON.stringify({ search: '', container: 10, window: 0, row: 'x' }),
    );
    expect(takeTableScroll('', store)?.row).toBeNull();
    expect(() =>
      rememberTableScroll({ search: '', container: 0, window: 0, row: null }, null),
    ).not.toThrow();
  });
});
