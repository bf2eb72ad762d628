import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { parseRuntimeConfig, readRuntimeConfig, type RuntimeConfig } from './config';

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

function page(script: string | null): Document {
  const window = new Window();
  window.document.body.innerHTML =
    script === null
      ? '<div id="root"></div>'
      : `<script type="application/json" id="referral-lens-config">${script}</script>`;
  return window.document as unknown as Document;
}

describe('parseRuntimeConfig', () => {
  it('accepts the sandbox settings', () => {
    expect(parseRuntimeConfig(sandbox)).toEqual({ ok: true, config: sandbox });
  });

  it('accepts live settings without authority metadata', () => {
    const live = {
      mode: 'live',
      clientId: '00000000-0000-0000-0000-000000000001',
      authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',
      knownAuthorities: [],
      protocolMode: 'AAD',
      redirectUri: 'http://localhost:4460/',
      scopes: ['https://api.partnercenter.microsoft.com/user_impersonation'],
    };
    expect(parseRuntimeConfig(live)).toEqual({ ok: true, config: live });
  });

  it.each([
    [{ ...sandbox, authority: 'http://localhost:8443/oidc/' }, /authority must be an https URL/],
    [{ ...sandbox, mode: 'prod' }, /mode must be "sandbox" or "live"/],
    [{ ...sandbox, clientId: '  ' }, /clientId is empty/],
    [{ ...sandbox, scopes: [] }, /scopes must name the API scope/],
    [{ ...sandbox, protocolMode: 'EAR' }, /protocolMode must be "AAD" or "OIDC"/],
    [{ ...sandbox, redirectUri: 'not a url' }, /redirectUri must be an http\(s\) URL/],
    [{ ...sandbox, clientId: undefined }, /clientId is missing/],
    [null, /./],
  ])('names what is wrong in %j', (json, message) => {
    const result = parseRuntimeConfig(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(message);
  });
});

describe('readRuntimeConfig', () => {
  it('reads the injected script element', () => {
    expect(readRuntimeConfig(page(JSON.stringify(sandbox)))).toEqual({ ok: true, config: sandbox });
  });

  it('says when the page was not served by our server', () => {
    const result = readRuntimeConfig(page(null));
    expect(result).toMatchObject({ ok: false, problem: expect.stringMatching(/no settings/) });
  });

  it('says when the settings are not JSON', () => {
    const result = readRuntimeConfig(page('{mode: sandbox'));
    expect(result).toMatchObject({ ok: false, problem: expect.stringMatching(/not valid JSON/) });
  });
});
