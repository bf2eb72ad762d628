import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFromResponse } from '../lib/api/errors';
import { describeError, isMfaRefusal, waitLength } from './error-copy';

const ids = { requestId: 'r-1', correlationId: 'c-1' };

function answer(status: number, body: unknown): ApiError {
  return apiErrorFromResponse(status, JSON.stringify(body), new Headers(), ids);
}

describe('MFA refusals', () => {
  it.each([
    [401, 'Multi-factor authentication (MFA) is required for this call.'],
    [403, 'The user did not complete multifactor authentication.'],
    [401, 'Strong authentication is required.'],
    [403, 'Access denied: MFA required'],
  ])('recognises %i "%s" and says what to do', (status, description) => {
    const error = answer(status, { code: 900419, description, data: [], source: 'PartnerFD' });

    expect(isMfaRefusal(error)).toBe(true);
    const copy = describeError(error, { retrying: false, secondsLeft: null });
    expect(copy.title).toBe('Partner Center needs a sign-in with multifactor authentication');
    expect(copy.detail).toBe(description);
    expect(copy.advice).toMatch(/sign in again and complete the MFA prompt/i);
    expect(copy.advice).toMatch(/ask your tenant's administrator to require MFA/);
  });

  it('points at the Sign in again button when one is shown', () => {
    const error = answer(401, { code: 1, description: 'MFA is required' });
    const copy = describeError(error, { retrying: false, secondsLeft: null, canSignInAgain: true });
    expect(copy.advice).toMatch(/Choose Sign in again and complete the MFA prompt/);
  });

  it('leaves other refusals and other statuses alone', () => {
    expect(isMfaRefusal(answer(401, { code: 1, description: 'Token expired' }))).toBe(false);
    expect(isMfaRefusal(answer(403, { code: 1, description: 'Insufficient role' }))).toBe(false);
    expect(isMfaRefusal(answer(500, { code: 1, description: 'MFA service down' }))).toBe(false);
    expect(describeError(answer(403, { code: 1, description: 'No role' })).title).toBe(
      'You do not have access to referrals analytics',
    );
  });
});

describe('over-long requests', () => {
  it.each([414, 431])('explains %i as a request that is too long', (status) => {
    const error = answer(status, {
      code: 'RequestTooLong',
      description: 'The request address is longer than this server accepts (48 KB).',
      data: [],
      source: 'ReferralLensProxy',
    });
    const copy = describeError(error);
    expect(copy.title).toBe('The request is too long');
    expect(copy.detail).toMatch(/48 KB/);
    expect(copy.advice).toMatch(/Shorten the filter/);
  });
});

describe('waitLength', () => {
  it('says short waits in seconds and long ones in rounded minutes or hours', () => {
    expect(waitLength(45)).toBe('45 s');
    expect(waitLength(89)).toBe('89 s');
    expect(waitLength(90)).toBe('about 2 minutes');
    expect(waitLength(1800)).toBe('about 30 minutes');
    expect(waitLength(3600)).toBe('about 1 hour');
    expect(waitLength(5400)).toBe('about 2 hours');
    expect(waitLength(86_400)).toBe('about 24 hours');
  });
});
