import { describe, expect, it } from 'vitest';
import {
  injectBrowserConfig,
  liveBrowserConfig,
  renewalOffsetFor,
  sandboxBrowserConfig,
  type BrowserConfig,
} from './browser-config';
import { parseSettings, type LiveSettings } from './config';
import { authorityMetadataFor } from './idp/provider';

const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <title>Referral Lens</title>
  </head>
  <body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body>
</html>`;

function configIn(html: string): unknown {
  const match =
    /<script type="application\/json" id="referral-lens-config">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('no config element');
  return JSON.parse(match[1] ?? '');
}

describe('sandboxBrowserConfig', () => {
  it('points MSAL at the sandbox provider on the same origin, in OIDC mode', () => {
    const issuer = 'https://localhost:4443/oidc';
    const config = sandboxBrowserConfig('https://localhost:4443/', {
      issuer,
      clientId: 'referral-lens-sandbox',
      metadata: authorityMetadataFor(issuer),
      accessTokenTtlSeconds: 3600,
    });

    expect(config).toEqual({
      mode: 'sandbox',
      clientId: 'referral-lens-sandbox',
      authority: 'https://localhost:4443/oidc/',
      knownAuthorities: ['localhost:4443'],
      protocolMode: 'OIDC',
      redirectUri: 'https://localhost:4443/',
      scopes: ['https://api.partnercenter.microsoft.com/user_impersonation'],
      authorityMetadata: expect.any(String),
      tokenRenewalOffsetSeconds: 300,
    } satisfies BrowserConfig);
    expect(JSON.parse(config.authorityMetadata ?? '')).toEqual({
      issuer,
      authorization_endpoint: `${issuer}/auth`,
      token_endpoint: `${issuer}/token`,
      end_session_endpoint: `${issuer}/session/end`,
      jwks_uri: `${issuer}/jwks`,
      userinfo_endpoint: `${issuer}/me`,
    });
  });
});

describe('renewalOffsetFor', () => {
  it("keeps MSAL's 300 s margin for ordinary tokens and a quarter of the life for short ones", () => {
    expect(renewalOffsetFor(3600)).toBe(300);
    expect(renewalOffsetFor(1200)).toBe(300);
    // A 20 s token is reused for 15 s instead of being renewed before every request.
    expect(renewalOffsetFor(20)).toBe(5);
    expect(renewalOffsetFor(1)).toBe(0);
  });
});

describe('liveBrowserConfig', () => {
  it('uses the app registration against Entra ID with the same scope', () => {
    const settings = parseSettings({
      REFERRAL_LENS_MODE: 'live',
      ENTRA_CLIENT_ID: '8f0c2a4e-1b7d-4c1e-9a53-2f1d7b6e9c01',
      ENTRA_AUTHORITY: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',
      ENTRA_REDIRECT_URI: 'http://localhost:5173/',
    }) as LiveSettings;

    expect(liveBrowserConfig(settings)).toEqual({
      mode: 'live',
      clientId: '8f0c2a4e-1b7d-4c1e-9a53-2f1d7b6e9c01',
      authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',
      knownAuthorities: ['login.microsoftonline.com'],
      protocolMode: 'AAD',
      redirectUri: 'http://localhost:5173/',
      scopes: ['https://api.partnercenter.microsoft.com/user_impersonation'],
    } satisfies BrowserConfig);
  });
});

describe('injectBrowserConfig', () => {
  const config: BrowserConfig = {
    mode: 'sandbox',
    clientId: 'referral-lens-sandbox',
    authority: 'https://localhost:5173/oidc/',
    knownAuthorities: ['localhost:5173'],
    protocolMode: 'OIDC',
    redirectUri: 'https://localhost:5173/',
    scopes: ['https://api.partnercenter.microsoft.com/user_impersonation'],
  };

  it('adds the config as a JSON script in <head>, before the app script', () => {
    const html = injectBrowserConfig(INDEX, config);

    expect(configIn(html)).toEqual(config);
    expect(html.indexOf('id="referral-lens-config"')).toBeLessThan(html.indexOf('</head>'));
    expect(html.indexOf('id="referral-lens-config"')).toBeLessThan(html.indexOf('/src/main.tsx'));
  });

  it('cannot be broken out of by a value holding </script> or an HTML comment', () => {
    const hostile = { ...config, clientId: '</script><script>alert(1)</script><!--&' };

    const html = injectBrowserConfig(INDEX, hostile);

    expect(html).not.toContain('</script><script>alert(1)');
    expect(html).not.toContain('<!--');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(configIn(html)).toEqual(hostile);
  });

  it('refuses a page without </head> rather than serving the app without settings', () => {
    expect(() => injectBrowserConfig('<p>no head</p>', config)).toThrow(/no <\/head>/);
  });
});
