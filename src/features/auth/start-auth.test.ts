import {
  EventType,
  type AccountInfo,
  type EventCallbackFunction,
  type EventMessage,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { describe, expect, it, vi } from 'vitest';
import { startAuth } from './start-auth';

const ada = { homeAccountId: 'ada' } as AccountInfo;
const grace = { homeAccountId: 'grace' } as AccountInfo;

function fakeMsal({
  accounts = [] as AccountInfo[],
  redirect = async (): Promise<{ account: AccountInfo } | null> => null,
} = {}) {
  let active: AccountInfo | null = null;
  const callbacks: EventCallbackFunction[] = [];
  const calls: string[] = [];
  const instance = {
    initialize: vi.fn(async () => void calls.push('initialize')),
    handleRedirectPromise: vi.fn(async () => {
      calls.push('handleRedirectPromise');
      return redirect();
    }),
    addEventCallback: vi.fn((callback: EventCallbackFunction) => {
      callbacks.push(callback);
      return 'id';
    }),
    getAllAccounts: () => accounts,
    getActiveAccount: () => active,
    setActiveAccount: (account: AccountInfo | null) => {
      active = account;
    },
  };
  const emit = (eventType: EventMessage['eventType'], payload: EventMessage['payload']) =>
    callbacks.forEach((cb) =>
      cb({
        eventType,
        payload,
        interactionType: null,
        error: null,
        correlationId: '',
        timestamp: 0,
      }),
    );
  return {
    instance,
    msal: instance as unknown as IPublicClientApplication,
    calls,
    emit,
    active: () => active,
  };
}

describe('startAuth', () => {
  it('initialises before handling the redirect, and activates the redirect’s account', async () => {
    const fake = fakeMsal({ accounts: [ada, grace], redirect: async () => ({ account: grace }) });
    expect(await startAuth(fake.msal)).toEqual({ redirectError: null });
    expect(fake.calls).toEqual(['initialize', 'handleRedirectPromise']);
    expect(fake.active()).toBe(grace);
  });

  it('activates the first signed-in account after a plain reload', async () => {
    const fake = fakeMsal({ accounts: [ada, grace] });
    await startAuth(fake.msal);
    expect(fake.active()).toBe(ada);
  });

  it('stays signed out when there is no account', async () => {
    const fake = fakeMsal();
    await startAuth(fake.msal);
    expect(fake.active()).toBeNull();
  });

  it('activates the account a LOGIN_SUCCESS event carries (MSAL 5: the payload is the account)', async () => {
    const fake = fakeMsal();
    await startAuth(fake.msal);
    expect(fake.instance.addEventCallback).toHaveBeenCalledWith(expect.any(Function), [
      EventType.LOGIN_SUCCESS,
    ]);
    fake.emit(EventType.LOGIN_SUCCESS, grace);
    expect(fake.active()).toBe(grace);
  });

  it('reports a failed redirect instead of throwing', async () => {
    const failure = new Error('access_denied');
    const fake = fakeMsal({
      redirect: async () => {
        throw failure;
      },
    });
    expect(await startAuth(fake.msal)).toEqual({ redirectError: failure });
  });
});
