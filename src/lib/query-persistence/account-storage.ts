// Where persisted query answers live: one IndexedDB database (through idb-keyval) for every account that signs in
// on this browser, each entry keyed [homeAccountId, key]. One account's entries are listed and removed without
// reading another's, and nothing of one account can be read under another's id.
import type { AsyncStorage } from '@tanstack/query-persist-client-core';
import { createStore, del, delMany, get, getMany, keys, set, type UseStore } from 'idb-keyval';
import { CACHE_DATABASE } from './cache-database';
const CACHE_STORE = 'queries';

type EntryKey = [accountId: string, key: string];

let browserStore: UseStore | null | undefined;

/** The browser's cache store, opened on first use; null where there is no IndexedDB (tests, some private modes). */
export function browserCacheStore(): UseStore | null {
  if (browserStore === undefined) {
    browserStore =
      typeof indexedDB === 'undefined' ? null : createStore(CACHE_DATABASE, CACHE_STORE);
  }
  return browserStore;
}

function isEntryKey(key: IDBValidKey): key is EntryKey {
  return (
    Array.isArray(key) &&
    key.length === 2 &&
    typeof key[0] === 'string' &&
    typeof key[1] === 'string'
  );
}

/** The keys to delete: those of the accounts `doomed` picks, and any of an unknown shape. */
async function keysToDelete(store: UseStore, doomed: (accountId: string) => boolean) {
  return (await keys(store)).filter((key) => !isEntryKey(key) || doomed(key[0]));
}

/**
 * Raised when an account's data is forgotten: storages opened before then stop writing, so an answer that
 * arrives after sign-out (a request already under way) is not written back.
 */
const generations = new Map<string, number>();

/** An account's view of the store, as TanStack Query's persister wants it. */
export function accountStorage<T>(accountId: string, store: UseStore): AsyncStorage<T> {
  const generation = generations.get(accountId) ?? 0;
  const forgotten = () => (generations.get(accountId) ?? 0) !== generation;
  return {
    getItem: (key) => get<T>([accountId, key], store),
    async setItem(key, value) {
      if (forgotten()) return;
      // The cache only saves requests: a full disk or a refused write must not break the page.
      await set([accountId, key], value, store).catch(() => undefined);
    },
    removeItem: (key) => del([accountId, key], store),
    async entries() {
      const own = (await keys(store)).filter(
        (key): key is EntryKey => isEntryKey(key) && key[0] === accountId,
      );
      const values = await getMany<T>(own, store);
      return own.flatMap(([, key], index) => {
        const value = values[index];
        return value === undefined ? [] : [[key, value] as [string, T]];
      });
    },
  };
}

/** Signed out or switched away: every entry of the account goes, and its open storages stop writing. */
export async function forgetAccount(
  accountId: string,
  store: UseStore | null = browserCacheStore(),
): Promise<void> {
  generations.set(accountId, (generations.get(accountId) ?? 0) + 1);
  if (store === null) return;
  await delMany(await keysToDelete(store, (id) => id === accountId), store);
}

/**
 * Keeps only the entries of the accounts still signed in: an account signed out in another tab, or whose removal
 * was cut short by the sign-out redirect, leaves nothing behind. Entries of an unknown shape go too.
 */
export async function forgetAccountsExcept(
  signedIn: readonly string[],
  store: UseStore | null = browserCacheStore(),
): Promise<void> {
  if (store === null) return;
  await delMany(await keysToDelete(store, (id) => !signedIn.includes(id)), store);
}
