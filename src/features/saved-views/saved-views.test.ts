import { describe, expect, it } from 'vitest';
import {
  isAppAddress,
  loadViews,
  MAX_VIEWS,
  mergeViews,
  parseViewsFile,
  SAVED_VIEWS_FILE_FORMAT,
  storeViews,
  viewsFileText,
  type SavedView,
} from './saved-views';

/** A Storage backed by a Map (the node test environment has no localStorage). */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

const view = (name: string, address = '/?range=6m', id = name): SavedView => ({
  id,
  name,
  address,
  savedAt: '2026-12-06T12:00:00.000Z',
});

describe('saved views in storage', () => {
  it('keeps each account its own list, surviving a new read', () => {
    const storage = memoryStorage();
    storeViews(storage, 'ada.tenant', [view('Won in the US', '/?status=Won&market=US')]);
    storeViews(storage, 'grace.tenant', [view('Lost')]);
    expect(loadViews(storage, 'ada.tenant')).toEqual({
      ok: true,
      views: [view('Won in the US', '/?status=Won&market=US')],
      skipped: 0,
    });
    expect(loadViews(storage, 'grace.tenant')).toMatchObject({ views: [view('Lost')] });
    expect(loadViews(storage, 'nobody')).toEqual({ ok: true, views: [], skipped: 0 });
  });

  it('stores the schema version with the list', () => {
    const storage = memoryStorage();
    storeViews(storage, 'a', [view('One')]);
    expect(JSON.parse(storage.getItem(storage.key(0)!)!)).toMatchObject({ version: 1 });
  });

  it('refuses a list from a newer version with a message instead of misreading it', () => {
    const storage = memoryStorage();
    storage.setItem('referral-lens.saved-views.a', JSON.stringify({ version: 2, views: [] }));
    const read = loadViews(storage, 'a');
    expect(read).toMatchObject({ ok: false });
    expect(!read.ok && read.message).toMatch(/newer version of Referral Lens/);
  });

  it('reads a damaged entry as no views, with a message', () => {
    const storage = memoryStorage();
    storage.setItem('referral-lens.saved-views.a', '{not json');
    expect(loadViews(storage, 'a')).toMatchObject({ ok: false, message: /damaged/ });
    storage.setItem('referral-lens.saved-views.a', JSON.stringify({ views: [] }));
    expect(loadViews(storage, 'a')).toMatchObject({ ok: false, message: /not a list/ });
  });

  it('skips a single bad view and keeps the rest', () => {
    const storage = memoryStorage();
    storage.setItem(
      'referral-lens.saved-views.a',
      JSON.stringify({ version: 1, views: [view('Good'), { name: 7 }, view('Good', '/', 'Good')] }),
    );
    expect(loadViews(storage, 'a')).toEqual({ ok: true, views: [view('Good')], skipped: 2 });
  });

  it('says so when the browser refuses to store', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(storeViews(storage, 'a', [view('One')])).toBe(false);
  });
});

describe('saved views files', () => {
  it('round-trips an exported list', () => {
    const views = [view('One'), view('Two', '/referrals/abc?page=2')];
    expect(parseViewsFile(viewsFileText(views))).toEqual({ ok: true, views, skipped: 0 });
  });

  it.each([
    ['not JSON', 'hello', /not JSON/],
    ['other JSON', '{"a":1}', /not a saved-views file/],
    ['a bare array', '[]', /not a saved-views file/],
    [
      'a newer format',
      JSON.stringify({ format: SAVED_VIEWS_FILE_FORMAT, version: 9, views: [] }),
      /newer version/,
    ],
    [
      'views that are all unreadable',
      JSON.stringify({ format: SAVED_VIEWS_FILE_FORMAT, version: 1, views: [{ id: 1 }] }),
      /None of the views/,
    ],
    [
      'too many views',
      JSON.stringify({
        format: SAVED_VIEWS_FILE_FORMAT,
        version: 1,
        views: Array.from({ length: MAX_VIEWS + 1 }, (_, i) => view(`v${i}`)),
      }),
      /not a list/,
    ],
    ['a huge file', ' '.repeat(1_000_001), /too large/],
  ])('rejects %s with a message', (_, text, message) => {
    const read = parseViewsFile(text);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toMatch(message);
  });

  it('never accepts an address outside the app', () => {
    const file = (address: string) =>
      JSON.stringify({ format: SAVED_VIEWS_FILE_FORMAT, version: 1, views: [view('x', address)] });
    for (const address of [
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example',
      'javascript:alert(1)',
      '',
    ]) {
      expect(parseViewsFile(file(address))).toMatchObject({ ok: false });
    }
    expect(isAppAddress('/?range=6m&status=Won')).toBe(true);
  });

  it('merges imports without replacing or duplicating what the user has', () => {
    let n = 0;
    const { views, added } = mergeViews(
      [view('Mine', '/?range=1m')],
      [view('Mine', '/?range=1m'), view('Mine', '/?range=6m'), view('Theirs')],
      () => `new-${++n}`,
    );
    expect(added).toBe(2);
    expect(views.map((v) => [v.name, v.address])).toEqual([
      ['Mine', '/?range=1m'],
      ['Mine (2)', '/?range=6m'],
      ['Theirs', '/?range=6m'],
    ]);
  });
});
