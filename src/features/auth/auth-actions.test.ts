import type { AccountInfo, IPublicClientApplication } from '@azure/msal-browser';
import { describe, expect, it, vi } from 'vitest';
import { signInAgain } from './auth-actions';

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
