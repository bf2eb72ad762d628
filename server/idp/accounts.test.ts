import { describe, expect, it } from 'vitest';
import { accountFromUserName } from './accounts';

function accountOf(input: string) {
  const result = accountFromUserName(input);
  if (!result.ok) throw new Error(result.problem);
  return result.account;
}

describe('accountFromUserName', () => {
  it('accepts any name and derives a sandbox e-mail from it', () => {
    expect(accountOf('Ada Lovelace')).toEqual({
      accountId: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      ),
      name: 'Ada Lovelace',
      email: 'ada.lovelace@sandbox.referral-lens.test',
    });
  });

  it('keeps an e-mail address as typed (lower case) and makes a display name from it', () => {
    expect(accountOf('Grace.Hopper@Contoso.com')).toMatchObject({
      name: 'Grace Hopper',
      email: 'grace.hopper@contoso.com',
    });
  });

  it('gives the same person the same account id every time, and different people different ones', () => {
    expect(accountOf('Ada Lovelace').accountId).toBe(accountOf('  Ada   Lovelace ').accountId);
    expect(accountOf('Ada Lovelace').accountId).not.toBe(accountOf('Alan Turing').accountId);
  });

  it('makes a distinct address for names without Latin letters', () => {
    const a = accountOf('李雷');
    const b = accountOf('韩梅梅');
    expect(a.email).toMatch(/^user\.[0-9a-f]{10}@sandbox\.referral-lens\.test$/);
    expect(a.email).not.toBe(b.email);
    expect(a.name).toBe('李雷');
  });

  it('strips accents in the address but keeps them in the name', () => {
    expect(accountOf('Zoë Müller-Østergård')).toMatchObject({
      name: 'Zoë Müller-Østergård',
      email: 'zoe.muller.stergard@sandbox.referral-lens.test',
    });
  });

  it('keeps markup as plain text (the page escapes it when shown)', () => {
    expect(accountOf('<img src=x onerror=alert(1)>').name).toBe('<img src=x onerror=alert(1)>');
  });

  it.each([
    ['', 'Enter a user name.'],
    ['   ', 'Enter a user name.'],
    ['x'.repeat(101), 'Use at most 100 characters.'],
    ['bad\u0007name', 'Use letters, digits and punctuation only.'],
  ])('refuses %j with a message', (input, problem) => {
    expect(accountFromUserName(input)).toEqual({ ok: false, problem });
  });
});
