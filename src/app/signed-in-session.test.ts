import type { IPublicClientApplication } from '@azure/msal-browser';
import { describe, expect, it } from 'vitest';
import { endSignedInSession, signedInSession } from './signed-in-session';

// The session only hands the instance to the token getter, which is not called here.
const msal = {} as IPublicClientApplication;
const scopes = ['api://referrals/.default'];

describe('signedInSession', () => {
  it("gives the same account the same session, so its pages find their loaders' requests under way", () => {
    const first = signedInSession(msal, scopes, 'ada');
    first.queryClient.setQueryData(['referrals', 'count', null], 7);
    const again = signedInSession(msal, scopes, 'ada');
    expect(again).toBe(first);
    expect(again.queryClient.getQueryData(['referrals', 'count', null])).toBe(7);
    endSignedInSession(first);
  });

  it("starts a fresh cache for another account, and drops a session's data when it ends", () => {
    const ada = signedInSession(msal, scopes, 'ada');
    ada.queryClient.setQueryData(['referrals', 'count', null], 7);
    const grace = signedInSession(msal, scopes, 'grace');
    expect(grace).not.toBe(ada);
    expect(grace.queryClient.getQueryData(['referrals', 'count', null])).toBeUndefined();
    endSignedInSession(ada);
    expect(ada.queryClient.getQueryData(['referrals', 'count', null])).toBeUndefined();
    expect(signedInSession(msal, scopes, 'grace')).toBe(grace);
    endSignedInSession(grace);
    expect(signedInSession(msal, scopes, 'grace')).not.toBe(grace);
  });
});
