import { PublicClientApplication, type Configuration } from '@azure/msal-browser';
import type { RuntimeConfig } from '../../lib/runtime-config/config';

/** Standard OIDC scopes without offline_access: oidc-provider refuses it on refresh (invalid_scope). */
const OIDC_DEFAULT_SCOPES = ['openid', 'profile', 'email'];

export function buildMsalConfiguration(config: RuntimeConfig): Configuration {
  return {
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      // Naming the authority's host stops MSAL from asking Microsoft's cloud discovery (offline).
      knownAuthorities: config.knownAuthorities,
      ...(config.authorityMetadata !== undefined && {
        authorityMetadata: config.authorityMetadata,
      }),
      redirectUri: config.redirectUri,
      postLogoutRedirectUri: config.redirectUri,
      ...(config.protocolMode === 'OIDC' && {
        OIDCOptions: { defaultScopes: OIDC_DEFAULT_SCOPES },
      }),
    },
    // localStorage: a reload, and a drill-down opened in a new tab, stay signed in.
    cache: { cacheLocation: 'localStorage' },
    system: {
      protocolMode: config.protocolMode,
      ...(config.tokenRenewalOffsetSeconds !== undefined && {
        tokenRenewalOffsetSeconds: config.tokenRenewalOffsetSeconds,
      }),
    },
  };
}

export function createMsalInstance(config: RuntimeConfig): PublicClientApplication {
  return new PublicClientApplication(buildMsalConfiguration(config));
}
