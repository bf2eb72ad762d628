import 'fake-indexeddb/auto';
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import type { PersistedQuery } from '@tanstack/query-persist-client-core';
import { createStore, keys, set, type UseStore } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../api/query-client';
import { accountStorage, forgetAccount, forgetAccountsExcept } from './account-storage';
import {
  createQueryPersistence,
  MAX_PERSISTED_ROWS,
  PERSISTED_MAX_AGE_MS,
  RESTORE_TIME_LIMIT_MS,
} from './query-persister';

let storeCount = 0;
function freshStore(): UseStore {
  storeCount += 1;
  return createStore(`persistence-test-${storeCount}`, 'queries');
}

function sessionFor(accountId: string, store: UseStore, buster = 'build-1') {
  const persistence = createQueryPersistence({
    storage: accountStorage(accountId, store),
    buster,
  });
  return { persistence, queryClient: createQueryClient(persistence.persisterFn) };
}

const countKey: QueryKey = ['referrals', 'count', null];

async function fetchCount(queryClient: QueryClient, value: number, key: QueryKey = countKey) {
  await queryClient.fetchQuery({ queryKey: key, queryFn: () => Promise.resolve(value) });
}

/** Entries are written just after the fetch settles. */
async function storedKeys(store: UseStore, expected: number) {
  await vi.waitFor(async () => expect(await keys(store)).toHaveLength(expected));
  return keys(store);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('persisted query cache', () => {
  it("keeps an account's answers under its id and restores them for that account only", async () => {
    const store = freshStore();
    const ada = sessionFor('ada', store);
    await fetchCount(ada.queryClient, 7);
    expect(await storedKeys(store, 1)).toEqual([['ada', expect.stringContaining('count')]]);

    const adaAgain = sessionFor('ada', store);
    await adaAgain.persistence.restore(adaAgain.queryClient);
    expect(adaAgain.queryClient.getQueryData(countKey)).toBe(7);
    expect(adaAgain.queryClient.getQueryState(countKey)?.dataUpdatedAt).toBe(
      ada.queryClient.getQueryState(countKey)?.dataUpdatedAt,
    );

    const grace = sessionFor('grace', store);
    await grace.persistence.restore(grace.queryClient);
    expect(grace.queryClient.getQueryData(countKey)).toBeUndefined();
    // Asked for the same query, Grace's client goes to its own query function, never to Ada's answer.
    const queryFn = vi.fn(() => Promise.resolve(3));
    expect(await grace.queryClient.fetchQuery({ queryKey: countKey, queryFn })).toBe(3);
    expect(queryFn).toHaveBeenCalledOnce();
  });

  it('answers a query from the kept entry when it was not restored up front', async () => {
    const store = freshStore();
    await fetchCount(sessionFor('ada', store).queryClient, 7);
    await storedKeys(store, 1);

    const { queryClient } = sessionFor('ada', store);
    const queryFn = vi.fn(() => Promise.resolve(8));
    expect(await queryClient.fetchQuery({ queryKey: countKey, queryFn })).toBe(7);
    expect(queryFn).not.toHaveBeenCalled();
  });

  it("removes the account's entries on sign-out, and nothing of an answer arriving afterwards", async () => {
    const store = freshStore();
    const ada = sessionFor('ada', store);
    const grace = sessionFor('grace', store);
    await fetchCount(ada.queryClient, 7);
    await fetchCount(grace.queryClient, 3);
    await storedKeys(store, 2);

    let answer: (value: number) => void = () => undefined;
    const late = ada.queryClient.fetchQuery({
      queryKey: ['referrals', 'late'],
      queryFn: () => new Promise<number>((resolve) => (answer = resolve)),
    });
    await forgetAccount('ada', store);
    expect(await keys(store)).toEqual([['grace', expect.any(String)]]);
    answer(9);
    await late;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await keys(store)).toEqual([['grace', expect.any(String)]]);

    // A later session of the same account keeps answers again.
    await fetchCount(sessionFor('ada', store).queryClient, 7);
    await storedKeys(store, 2);
  });

  it('drops the entries of accounts no longer signed in, and entries of an unknown shape', async () => {
    const store = freshStore();
    await fetchCount(sessionFor('ada', store).queryClient, 7);
    await fetchCount(sessionFor('grace', store).queryClient, 3);
    await set('REACT_QUERY_OFFLINE_CACHE', '{}', store);
    await storedKeys(store, 3);
    await forgetAccountsExcept(['grace'], store);
    expect(await keys(store)).toEqual([['grace', expect.any(String)]]);
  });

  it('drops a cache written by another build instead of reading it', async () => {
    const store = freshStore();
    await fetchCount(sessionFor('ada', store, 'build-1').queryClient, 7);
    await storedKeys(store, 1);

    const next = sessionFor('ada', store, 'build-2');
    await next.persistence.restore(next.queryClient);
    expect(next.queryClient.getQueryData(countKey)).toBeUndefined();
    expect(await keys(store)).toEqual([]);
  });

  it('drops answers older than a day', async () => {
    const store = freshStore();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T08:00:00Z'));
    await fetchCount(sessionFor('ada', store).queryClient, 7);
    await storedKeys(store, 1);

    vi.setSystemTime(new Date(Date.now() + PERSISTED_MAX_AGE_MS + 60_000));
    const later = sessionFor('ada', store);
    await later.persistence.restore(later.queryClient);
    expect(later.queryClient.getQueryData(countKey)).toBeUndefined();
    expect(await keys(store)).toEqual([]);
  });

  it('writes no failed query, and no row page larger than the table shows', async () => {
    const store = freshStore();
    const { queryClient } = sessionFor('ada', store);
    await expect(
      queryClient.fetchQuery({
        queryKey: ['referrals', 'broken'],
        queryFn: () => Promise.reject(new Error('500')),
        retry: false,
      }),
    ).rejects.toThrow('500');
    const rows = (n: number) => ({ rows: Array.from({ length: n }, (_, id) => ({ id })) });
    await queryClient.fetchQuery({
      queryKey: ['referrals', 'big'],
      queryFn: () => Promise.resolve(rows(MAX_PERSISTED_ROWS + 1)),
    });
    await queryClient.fetchQuery({
      queryKey: ['referrals', 'table'],
      queryFn: () => Promise.resolve(rows(500)),
    });
    const kept = await storedKeys(store, 1);
    expect(kept).toEqual([['ada', expect.stringContaining('table')]]);
  });

  it('drops an entry it cannot read', async () => {
    const store = freshStore();
    await set(['ada', `query-${JSON.stringify(countKey)}`], { state: 'garbled' }, store);
    const { queryClient, persistence } = sessionFor('ada', store);
    await persistence.restore(queryClient);
    expect(queryClient.getQueryData(countKey)).toBeUndefined();
    expect(await keys(store)).toEqual([]);
  });

  it('starts without the kept answers when the disk does not answer in time, and ignores them when late', async () => {
    const store = freshStore();
    await fetchCount(sessionFor('ada', store).queryClient, 7);
    await storedKeys(store, 1);
    const storage = accountStorage<PersistedQuery>('ada', store);
    let listNow: () => void = () => undefined;
    const slowDisk = {
      ...storage,
      entries: async () => {
        await new Promise<void>((resolve) => (listNow = resolve));
        return storage.entries?.() ?? [];
      },
    };
    const persistence = createQueryPersistence({ storage: slowDisk, buster: 'build-1' });
    const queryClient = createQueryClient(persistence.persisterFn);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const restored = persistence.restore(queryClient);
    await vi.advanceTimersByTimeAsync(RESTORE_TIME_LIMIT_MS);
    await restored;
    vi.useRealTimers();
    listNow();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(queryClient.getQueryData(countKey)).toBeUndefined();
  });
});
