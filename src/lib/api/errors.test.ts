import { describe, expect, it } from 'vitest';
import { apiErrorFromResponse, needsSignIn, signInError } from './errors';

const ids = { requestId: 'r', correlationId: 'c' };
const answer = (status: number) => apiErrorFromResponse(status, '{}', new Headers(), ids);

describe('needsSignIn', () => {
  it('is true for a refused token and for a token that needs the user, and only those', () => {
    expect(needsSignIn(answer(401))).toBe(true);
    expect(needsSignIn(signInError(new Error('interaction_required'), ids))).toBe(true);
    expect(needsSignIn(answer(403))).toBe(false);
    expect(needsSignIn(answer(429))).toBe(false);
    expect(needsSignIn(answer(500))).toBe(false);
    expect(needsSignIn(new Error('401'))).toBe(false);
  });
});
