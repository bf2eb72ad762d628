import {
  AuthError,
  InteractionRequiredAuthError,
  type AccountInfo,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { describe, expect, it, vi } from 'vitest';
import { createAccessTokenGetter, needsInteraction, NotSignedInError } from './access-token';

const SCOPES = ['https://api.partnercenter.microsoft.com/user_impersonation'];
const account = { homeAccountId: 'ada', username: 'ada@contoso.example' } as AccountInfo;

function fakeMsal(
  silent: () => Promise<{ accessToken: string }>,
  active: AccountInfo | null = account,
) {
  const instance = {
    getActiveAccount: vi.fn(() => active),
    acquireTokenSilent: vi.fn(silent),
    acquireTokenRedirect: vi.fn(async () => {}),
  };
  return { instance, msal: instance as unknown as IPublicClientApplication };
}

describe('needsInteraction', () => {
  it('is true for InteractionRequiredAuthError and the iframe timeout, in both spellings', () => {
    expect(needsInteraction(new InteractionRequiredAuthError('login_required', 'c'))).toBe(true);
    expect(
      needsInteraction(new AuthError('timed_out', 'c', undefined, 'monitor_window_timeout')),
    ).toBe(true);
    expect(needsInteraction(new AuthError('monitor_window_timeout', 'c'))).toBe(true);
  });

  it('is false for other failures', () => {
    expect(needsInteraction(new AuthError('network_error', 'c'))).toBe(false);
    expect(needsInteraction(new Error('monitor_window_timeout'))).toBe(false);
  });
});

describe('createAccessTokenGetter', () => {
  it('asks MSAL silently for the API scope for the active account', async () => {
    const { instance, msal } = fakeMsal(async () => ({ accessToken: 'at-1' }));
    const getToken = createAccessTokenGetter(msal, SCOPES);
    expect(await getToken()).toBe('at-1');
    expect(await getToken({ forceRefresh: true })).toBe('at-1');
    expect(instance.acquireTokenSilent.mock.calls).toEqual([
      [{ scopes: SCOPES, account, forceRefresh: false }],
      [{ scopes: SCOPES, account, forceRefresh: true }],
    ]);
  });

  it('fails clearly when nobody is signed in', async () => {
    const { msal } = fakeMsal(async () => ({ accessToken: 'x' }), null);
    await expect(createAccessTokenGetter(msal, SCOPES)()).rejects.toBeInstanceOf(NotSignedInError);
  });

  it.each([
    ['InteractionRequiredAuthError', new InteractionRequiredAuthError('interaction_required', 'c')],
    [
      'monitor_window_timeout',
      new AuthError('timed_out', 'c', undefined, 'monitor_window_timeout'),
    ],
  ])('redirects to sign in once on %s, even for parallel requests', async (_name, error) => {
    const { instance, msal } = fakeMsal(async () => {
      throw error;
    });
    let finishRedirect = () => {};
    instance.acquireTokenRedirect.mockImplementation(
      () => new Promise<void>((resolve) => (finishRedirect = resolve)),
    );
    const getToken = createAccessTokenGetter(msal, SCOPES);
    const first = getToken();
    const second = getToken();
    await vi.waitFor(() => expect(instance.acquireTokenRedirect).toHaveBeenCalled());
    finishRedirect();
    await expect(first).rejects.toThrow('Signing in again.');
    await expect(second).rejects.toThrow('Signing in again.');
    expect(instance.acquireTokenRedirect).toHaveBeenCalledOnce();
    expect(instance.acquireTokenRedirect).toHaveBeenCalledWith({ scopes: SCOPES, account });
  });

  it('passes other failures through without a redirect', async () => {
    const failure = new AuthError('network_error', 'c');
    const { instance, msal } = fakeMsal(async () => {
      throw failure;
    });
    await expect(createAccessTokenGetter(msal, SCOPES)()).rejects.toBe(failure);
    expect(instance.acquireTokenRedirect).not.toHaveBeenCalled();
  });
});
