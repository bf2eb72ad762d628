import { describe, expect, it } from 'vitest';
import { rememberTableScroll, takeTableScroll } from './scrollMemory';

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
    rememberTableScroll({ search: '?page=3', container: 1234, window: 560 }, store);
    expect(takeTableScroll('?page=4', store)).toBeNull();
    expect(takeTableScroll('?page=3', store)).toEqual({
      search: '?page=3',
      container: 1234,
      window: 560,
    });
    expect(takeTableScroll('?page=3', store)).toBeNull();
  });

  it('ignores broken entries and missing storage', () => {
    const store = memory();
    store.setItem('referral-lens.referrals-table.scroll', '{oops');
    expect(takeTableScroll('', store)).toBeNull();
    expect(takeTableScroll('', null)).toBeNull();
    expect(() => rememberTableScroll({ search: '', container: 0, window: 0 }, null)).not.toThrow();
  });
});
