// The app's persisted query cache (src/lib/query-persistence) as tests and benches see it: its entries read in the
// page, and the init script that empties it at every page load for those that want each load to ask the API.
import type { Page } from '@playwright/test';
import { CACHE_DATABASE } from '../../src/lib/query-persistence/cache-database';

/**
 * For a context's init scripts: the cache is deleted before the app's code runs, so every load starts cold and
 * asks Partner Center (the app's open request waits for the deletion).
 */
export const FORGET_KEPT_ANSWERS = `indexedDB.deleteDatabase(${JSON.stringify(CACHE_DATABASE)})`;

export interface KeptEntry {
  account: string;
  key: string;
  dataUpdatedAt: number;
}

/**
 * In the page (as a string: the e2e code is type-checked without the DOM's types): the entries of the app's cache
 * database as [account, key, dataUpdatedAt], each first made `ageBy` ms older.
 */
const READ_KEPT_ENTRIES = `async ([name, ageBy]) => {
  const databases = await indexedDB.databases();
  if (!databases.some((database) => database.name === name)) return [];
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const entries = [];
  await new Promise((resolve, reject) => {
    const store = db.objectStoreNames[0];
    const transaction = db.transaction(store, 'readwrite');
    transaction.oncomplete = resolve;
    transaction.onerror = () => reject(transaction.error);
    const cursor = transaction.objectStore(store).openCursor();
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (at === null) return;
      const value = at.value;
      if (ageBy > 0) {
        value.state.dataUpdatedAt -= ageBy;
        at.update(value);
      }
      entries.push([at.key[0], at.key[1], value.state.dataUpdatedAt]);
      at.continue();
    };
  });
  db.close();
  return entries;
}`;

/**
 * The entries of the app's cache database; with `ageBy`, every entry is first made that many milliseconds older
 * (a return visit later, without moving the browser's clock and its tokens' expiry).
 */
export async function keptEntries(page: Page, ageBy = 0): Promise<KeptEntry[]> {
  const rows = (await page.evaluate(
    `(${READ_KEPT_ENTRIES})(${JSON.stringify([CACHE_DATABASE, ageBy])})`,
  )) as [string, string, number][];
  return rows.map(([account, key, dataUpdatedAt]) => ({ account, key, dataUpdatedAt }));
}
