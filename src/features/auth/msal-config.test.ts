import { describe, expect, it } from 'vitest';
import type { RuntimeConfig } from '../../lib/runtime-config/config';
import { buildMsalConfiguration } from './msal-config';

const sandbox: RuntimeConfig = {
  mode: 'sandbox',
  clientId: 'referral-lens',
  authority: 'https://localhost:8443/oidc/',
  knownAuthorities: ['localhost:8443'],
  protocolMode: 'OIDC',
  redirectUri: 'https://localhost:8443/',
  scopes: ['https://api.partnercenter.microsoft.com/user_impersonation'],
  authorityMetadata: '{"issuer":"https://localhost:8443/oidc"}',
};

describe('buildMsalConfiguration', () => {
  it('sets up the sandbox provider in OIDC mode (protocolMode under system in MSAL 5)', () => {
    expect(buildMsalConfiguration(sandbox)).toEqual({
      auth: {
        clientId: 'referral-lens',
        authority: 'https://localhost:8443/oidc/',
        knownAuthorities: ['localhost:8443'],
        authorityMetadata: '{"issuer":"https://localhost:8443/oidc"}',
        redirectUri: 'https://localhost:8443/',
        postLogoutRedirectUri: 'https://localhost:8443/',
        OIDCOptions: { defaultScopes: ['openid', 'profile', 'email'] },
      },
      cache: { cacheLocation: 'localStorage' },
      system: { protocolMode: 'OIDC' },
    });
  });

  it('leaves Entra ID to its defaults in live mode', () => {
    const config = buildMsalConfiguration({
      mode: 'live',
      clientId: '00000000-0000-0000-0000-000000000001',
      authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',
      knownAuthorities: [],
      protocolMode: 'AAD',
      redirectUri: 'http://localhost:4460/',
      scopes: sandbox.scopes,
    });
    expect(config.auth).not.toHaveProperty('OIDCOptions');
    expect(config.auth).not.toHaveProperty('authorityMetadata');
    expect(config.system).toEqual({ protocolMode: 'AAD' });
  });

  it("passes the server's token renewal margin to MSAL", () => {
    const config = buildMsalConfiguration({ ...sandbox, tokenRenewalOffsetSeconds: 5 });
    expect(config.system).toEqual({ protocolMode: 'OIDC', tokenRenewalOffsetSeconds: 5 });
  });
});
