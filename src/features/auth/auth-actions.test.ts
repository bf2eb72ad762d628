import 'fake-indexeddb/auto';
import type { AccountInfo, IPublicClientApplication } from '@azure/msal-browser';
import { keys } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { accountStorage, browserCacheStore } from '../../lib/query-persistence/account-storage';
import { signInAgain, signOut } from './auth-actions';

const SCOPES = ['https://api.partnercenter.microsoft.com/user_impersonation'];
const ada = { homeAccountId: 'ada', username: 'ada@contoso.example' } as AccountInfo;

function fakeMsal(active: AccountInfo | null) {
  const instance = {
    getActiveAccount: () => active,
    acquireTokenRedirect: vi.fn(async () => {}),
  };
  return { instance, msal: instance as unknown as IPublicClientApplication };
}

describe('signInAgain', () => {
  it('asks for the API token interactively for the active account, back to the same address', async () => {
    const { instance, msal } = fakeMsal(ada);
    const here = 'https://localhost:4460/?range=12m&status=Won&status=Lost#referrals';
    await signInAgain(msal, { scopes: SCOPES }, here);
    expect(instance.acquireTokenRedirect).toHaveBeenCalledExactlyOnceWith({
      scopes: SCOPES,
      account: ada,
      redirectStartPage: here,
    });
  });

  it('lets the provider choose the account when none is active', async () => {
    const { instance, msal } = fakeMsal(null);
    await signInAgain(msal, { scopes: SCOPES }, 'https://localhost:4460/');
    expect(instance.acquireTokenRedirect).toHaveBeenCalledWith({
      scopes: SCOPES,
      account: undefined,
      redirectStartPage: 'https://localhost:4460/',
    });
  });
});

describe('signOut', () => {
  it("removes the account's kept answers before leaving for the provider", async () => {
    const store = browserCacheStore();
    if (store === null) throw new Error('fake-indexeddb gives this test an IndexedDB');
    await accountStorage('ada', store).setItem('query-count', { count: 7 });
    await accountStorage('grace', store).setItem('query-count', { count: 3 });
    let keptAtRedirect: IDBValidKey[] | undefined;
    const logoutRedirect = vi.fn(async () => {
      keptAtRedirect = await keys(store);
    });
    const msal = { logoutRedirect } as unknown as IPublicClientApplication;
    await signOut(msal, ada, { scopes: SCOPES, protocolMode: 'OIDC', redirectUri: '/' });
    expect(logoutRedirect).toHaveBeenCalledOnce();
    expect(keptAtRedirect).toEqual([['grace', 'query-count']]);
  });
});
