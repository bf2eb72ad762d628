type OidcProviderModule = typeof import('oidc-provider');

let loaded: Promise<OidcProviderModule> | undefined;

/**
 * Imports oidc-provider once. Version 9 warns at import time on any Node.js release before 22
 * ("Unsupported runtime"); it was verified on Node 20 for everything the sandbox uses (see
 * ../shared notes and the engines field), so that one warning is dropped instead of greeting
 * every `npm start` before the app's URL.
 */
export function importOidcProvider(): Promise<OidcProviderModule> {
  loaded ??= withoutRuntimeWarning(() => import('oidc-provider'));
  return loaded;
}

async function withoutRuntimeWarning<T>(load: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    const [first] = args;
    if (typeof first === 'string' && first.includes('WARNING: Unsupported runtime')) return;
    warn(...args);
  };
  try {
    return await load();
  } finally {
    console.warn = warn;
  }
}
