/**
 * After sign-out the identity provider sends the browser back with `?state=…`, which MSAL leaves
 * in the address bar (and so in bookmarks and shared links). The app has no `state` parameter of
 * its own, so once MSAL has handled any sign-in response, a leftover one is dropped. Returns the
 * cleaned address, or null when there is nothing to clean.
 */
export function addressWithoutSignOutState(href: string): string | null {
  const url = new URL(href);
  if (!url.searchParams.has('state') || url.searchParams.has('code')) return null;
  url.searchParams.delete('state');
  return `${url.pathname}${url.search}${url.hash}`;
}
