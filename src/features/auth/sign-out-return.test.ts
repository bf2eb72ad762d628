import { describe, expect, it } from 'vitest';
import { addressWithoutSignOutState } from './sign-out-return';

describe('addressWithoutSignOutState', () => {
  it('drops the state the provider returns after sign-out, keeping the rest', () => {
    expect(addressWithoutSignOutState('https://localhost:4460/?state=eyJpZCI6IjEifQ%3D%3D')).toBe(
      '/',
    );
    expect(
      addressWithoutSignOutState('https://localhost:4460/referrals/7?status=Won&state=abc#top'),
    ).toBe('/referrals/7?status=Won#top');
  });

  it('leaves addresses without it, or with a sign-in response, alone', () => {
    expect(addressWithoutSignOutState('https://localhost:4460/?status=Won')).toBeNull();
    expect(addressWithoutSignOutState('https://localhost:4460/?code=x&state=y')).toBeNull();
  });
});
