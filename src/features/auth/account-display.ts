import type { AccountInfo } from '@azure/msal-browser';

type DisplayedAccount = Pick<AccountInfo, 'name' | 'username' | 'idTokenClaims'>;

export function displayName(account: DisplayedAccount): string {
  const name = account.name?.trim();
  return name !== undefined && name !== '' ? name : account.username;
}

/** The e-mail claim when the provider sends one, else the sign-in name (a UPN in Entra ID). */
export function emailOf(account: DisplayedAccount): string {
  const email = account.idTokenClaims?.email;
  return typeof email === 'string' && email !== '' ? email : account.username;
}

export function initials(name: string): string {
  const letters = name
    .split(/[\s@.]+/)
    .filter((part) => part !== '')
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '');
  return letters.join('') || '?';
}
