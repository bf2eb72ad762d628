import { createHash } from 'node:crypto';

/** The e-mail domain given to sandbox users who sign in with a plain name. */
export const SANDBOX_EMAIL_DOMAIN = 'sandbox.referral-lens.test';
export const MAX_USER_NAME_LENGTH = 100;

export interface SandboxAccount {
  /** Stable per e-mail address, shaped like an Entra object id. */
  accountId: string;
  name: string;
  email: string;
}

export type UserNameCheck = { ok: true; account: SandboxAccount } | { ok: false; problem: string };

// Deliberately loose: "looks like an address", not RFC 5322.
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

/**
 * Turns what the user typed on the sandbox sign-in page into an account: any name is accepted
 * (no password), and the e-mail is derived from it unless it already is one.
 */
export function accountFromUserName(input: string): UserNameCheck {
  const typed = input.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (typed === '') return { ok: false, problem: 'Enter a user name.' };
  if (typed.length > MAX_USER_NAME_LENGTH) {
    return { ok: false, problem: `Use at most ${MAX_USER_NAME_LENGTH} characters.` };
  }
  // Control characters would end up in tokens and headers.
  if (/\p{Cc}/u.test(typed))
    return { ok: false, problem: 'Use letters, digits and punctuation only.' };

  const email = EMAIL.test(typed) ? typed.toLowerCase() : `${slug(typed)}@${SANDBOX_EMAIL_DOMAIN}`;
  const name = EMAIL.test(typed) ? nameFromEmail(typed) : typed;
  return { ok: true, account: { accountId: guidFrom(email), name, email } };
}

function slug(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
  // A name with no Latin letters or digits (e.g. "李雷") still needs a stable, distinct address.
  return ascii || `user.${createHash('sha256').update(name).digest('hex').slice(0, 10)}`;
}

function nameFromEmail(email: string): string {
  const local = email.slice(0, email.indexOf('@'));
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}

function guidFrom(email: string): string {
  const hex = createHash('sha256').update(`referral-lens-sandbox:${email}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
