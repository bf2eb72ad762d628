import {
  AuthError,
  CacheLookupPolicy,
  InteractionRequiredAuthError,
  ServerError,
  type AccountInfo,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { describe, expect, it, vi } from 'vitest';
import {
  createAccessTokenGetter,
  needsInteraction,
  NotSignedInError,
  SHARED_REFRESH_MS,
} from './access-token';

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

  it('is true when there is no refresh token, or the provider refuses it', () => {
    expect(needsInteraction(new InteractionRequiredAuthError('no_tokens_found', 'c'))).toBe(true);
    expect(needsInteraction(new InteractionRequiredAuthError('refresh_token_expired', 'c'))).toBe(
      true,
    );
    expect(needsInteraction(new ServerError('invalid_grant', 'c', 'Refresh token revoked'))).toBe(
      true,
    );
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
    // Never a hidden iframe: without a usable refresh token the user is asked at once.
    const policy = CacheLookupPolicy.AccessTokenAndRefreshToken;
    expect(instance.acquireTokenSilent.mock.calls).toEqual([
      [{ scopes: SCOPES, account, forceRefresh: false, cacheLookupPolicy: policy }],
      [{ scopes: SCOPES, account, forceRefresh: true, cacheLookupPolicy: policy }],
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

  it('leaves the page where it is while it holds work a redirect would lose', async () => {
    const needsUser = new InteractionRequiredAuthError('interaction_required', 'c');
    const { instance, msal } = fakeMsal(async () => {
      throw needsUser;
    });
    let held = true;
    const getToken = createAccessTokenGetter(msal, SCOPES, Date.now, () => !held);
    await expect(getToken()).rejects.toBe(needsUser);
    await expect(getToken({ forceRefresh: true })).rejects.toBe(needsUser);
    expect(instance.acquireTokenRedirect).not.toHaveBeenCalled();
    held = false;
    await expect(getToken()).rejects.toThrow('Signing in again.');
    expect(instance.acquireTokenRedirect).toHaveBeenCalledOnce();
  });

  it('passes other failures through without a redirect', async () => {
    const failure = new AuthError('network_error', 'c');
    const { instance, msal } = fakeMsal(async () => {
      throw failure;
    });
    await expect(createAccessTokenGetter(msal, SCOPES)()).rejects.toBe(failure);
    expect(instance.acquireTokenRedirect).not.toHaveBeenCalled();
  });

  it('answers forced refreshes asked for together, or just after, with one refresh', async () => {
    let issued = 0;
    const { instance, msal } = fakeMsal(async () => ({ accessToken: `at-${++issued}` }));
    let clock = 1_000;
    const getToken = createAccessTokenGetter(msal, SCOPES, () => clock);

    // A revoked token: every request in flight is refused and asks for a fresh one.
    const together = await Promise.all([1, 2, 3].map(() => getToken({ forceRefresh: true })));
    expect(together).toEqual(['at-1', 'at-1', 'at-1']);
    clock += SHARED_REFRESH_MS - 1;
    expect(await getToken({ forceRefresh: true })).toBe('at-1');
    // Later, a refusal is news: a new refresh. Plain requests never share one.
    clock += 1;
    expect(await getToken({ forceRefresh: true })).toBe('at-2');
    expect(await getToken()).toBe('at-3');
    const forced = (forceRefresh: boolean) => [expect.objectContaining({ forceRefresh })];
    expect(instance.acquireTokenSilent.mock.calls).toEqual([
      forced(true),
      forced(true),
      forced(false),
    ]);
  });

  it('does not hand a failed refresh to later requests', async () => {
    const failure = new AuthError('network_error', 'c');
    const { instance, msal } = fakeMsal(async () => ({ accessToken: 'at-ok' }));
    instance.acquireTokenSilent.mockRejectedValueOnce(failure);
    const getToken = createAccessTokenGetter(msal, SCOPES, () => 0);
    await expect(getToken({ forceRefresh: true })).rejects.toBe(failure);
    expect(await getToken({ forceRefresh: true })).toBe('at-ok');
    expect(instance.acquireTokenSilent).toHaveBeenCalledTimes(2);
  });

  it('never runs two MSAL calls at once: plain calls share the one under way', async () => {
    let inFlight = 0;
    let most = 0;
    let issued = 0;
    const releases: (() => void)[] = [];
    const { instance, msal } = fakeMsal(async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise<void>((resolve) => releases.push(resolve));
      inFlight -= 1;
      return { accessToken: `at-${++issued}` };
    });
    const getToken = createAccessTokenGetter(msal, SCOPES, () => 0);

    const plain = [getToken(), getToken()];
    const forced = [getToken({ forceRefresh: true }), getToken({ forceRefresh: true })];
    const late = getToken();
    await vi.waitFor(() => expect(releases).toHaveLength(1));
    releases[0]!();
    // The forced refresh starts only once the plain call is over.
    await vi.waitFor(() => expect(releases).toHaveLength(2));
    releases[1]!();

    expect(await Promise.all(plain)).toEqual(['at-1', 'at-1']);
    expect(await Promise.all(forced)).toEqual(['at-2', 'at-2']);
    // Asked for while the forced refresh was queued: it takes the refreshed token.
    expect(await late).toBe('at-2');
    expect(most).toBe(1);
    expect(instance.acquireTokenSilent).toHaveBeenCalledTimes(2);
  });
});
