import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, ENV_FILE, loadSettings, parseSettings, type Settings } from './config';

const LIVE = {
  REFERRAL_LENS_MODE: 'live',
  ENTRA_CLIENT_ID: '8f0c2a4e-1b7d-4c1e-9a53-2f1d7b6e9c01',
  ENTRA_AUTHORITY: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',
  ENTRA_REDIRECT_URI: 'http://localhost:5173/',
};

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    parseSettings(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseSettings: sandbox mode', () => {
  it('is the default and needs no settings at all', () => {
    expect(parseSettings({})).toEqual({
      mode: 'sandbox',
      port: 5173,
      host: 'localhost',
      upstreamTimeoutMs: 120_000,
      allowedHosts: [],
      sandbox: {
        port: 0,
        allowFaults: false,
        accessTokenTtlSeconds: 3600,
        count: undefined,
        seed: undefined,
        anchorDate: undefined,
        latencyMs: 0,
        profile: {},
      },
    } satisfies Settings);
  });

  it('reads the test options that make e2e runs deterministic', () => {
    const settings = parseSettings({
      PORT: '4443',
      SANDBOX_PORT: '4444',
      SANDBOX_ALLOW_FAULTS: '1',
      SANDBOX_ACCESS_TOKEN_TTL: '20',
      SANDBOX_COUNT: '25000',
      SANDBOX_SEED: '42',
      SANDBOX_ANCHOR_DATE: '2026-03-31',
      SANDBOX_LATENCY_MS: '150',
      UPSTREAM_TIMEOUT_MS: '5000',
    });
    expect(settings).toMatchObject({
      mode: 'sandbox',
      port: 4443,
      upstreamTimeoutMs: 5000,
      sandbox: {
        port: 4444,
        allowFaults: true,
        accessTokenTtlSeconds: 20,
        count: 25_000,
        seed: 42,
        anchorDate: '2026-03-31',
        latencyMs: 150,
      },
    });
  });

  it('treats empty values as unset', () => {
    expect(parseSettings({ PORT: '', SANDBOX_ALLOW_FAULTS: '' })).toMatchObject({
      port: 5173,
      sandbox: { allowFaults: false },
    });
  });

  it('names every malformed setting at once', () => {
    const problems = problemsOf({
      PORT: '70000',
      SANDBOX_PORT: 'abc',
      SANDBOX_ACCESS_TOKEN_TTL: '1',
      SANDBOX_ALLOW_FAULTS: 'maybe',
      SANDBOX_ANCHOR_DATE: '2026-02-30',
      SANDBOX_LATENCY_MS: '60001',
    });
    expect(problems).toHaveLength(6);
    expect(problems[0]).toMatch(/^PORT: must be a whole number from 1 to 65535/);
    expect(problems.join('\n')).toMatch(/^SANDBOX_PORT: /m);
    expect(problems.join('\n')).toMatch(/^SANDBOX_ACCESS_TOKEN_TTL: .*seconds from 5/m);
    expect(problems.join('\n')).toMatch(/^SANDBOX_ALLOW_FAULTS: must be 1 or 0/m);
    expect(problems.join('\n')).toMatch(/^SANDBOX_ANCHOR_DATE: must be a real calendar date/m);
    expect(problems.join('\n')).toMatch(
      /^SANDBOX_LATENCY_MS: must be a whole number from 0 to 60000/m,
    );
  });

  it('rejects an unknown mode by name', () => {
    expect(problemsOf({ REFERRAL_LENS_MODE: 'production' })).toEqual([
      'REFERRAL_LENS_MODE: must be "sandbox" or "live"',
    ]);
  });
});

describe('parseSettings: live mode', () => {
  it('accepts a complete app registration and defaults the upstream to Partner Center', () => {
    expect(parseSettings(LIVE)).toEqual({
      mode: 'live',
      port: 5173,
      host: 'localhost',
      upstreamTimeoutMs: 120_000,
      allowedHosts: [],
      clientId: LIVE.ENTRA_CLIENT_ID,
      authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',
      redirectUri: 'http://localhost:5173/',
      partnerCenterBaseUrl: 'https://api.partnercenter.microsoft.com',
    } satisfies Settings);
  });

  it('names each missing setting', () => {
    const problems = problemsOf({ REFERRAL_LENS_MODE: 'live' });
    expect(problems).toEqual([
      "ENTRA_CLIENT_ID: is missing: set it to your app registration's Application (client) ID",
      expect.stringMatching(/^ENTRA_AUTHORITY: is missing: set it to https:\/\/login/),
      expect.stringMatching(/^ENTRA_REDIRECT_URI: is missing: set it to the app's own address/),
    ]);
  });

  it('names each malformed setting', () => {
    const problems = problemsOf({
      REFERRAL_LENS_MODE: 'live',
      ENTRA_CLIENT_ID: 'my-app',
      ENTRA_AUTHORITY: 'http://login.microsoftonline.com/contoso',
      ENTRA_REDIRECT_URI: 'http://example.com/',
      PARTNER_CENTER_BASE_URL: 'http://api.partnercenter.microsoft.com',
    });
    expect(problems).toEqual([
      'ENTRA_CLIENT_ID: must be a GUID (the Application (client) ID of your app registration)',
      'ENTRA_AUTHORITY: must look like https://login.microsoftonline.com/<your tenant ID or domain>',
      'ENTRA_REDIRECT_URI: must be an https URL (plain http is allowed only for localhost)',
      'PARTNER_CENTER_BASE_URL: must be an https URL (plain http is allowed only for localhost)',
    ]);
  });

  it('rejects an authority without a tenant or with extra path segments', () => {
    for (const authority of [
      'https://login.microsoftonline.com',
      'https://login.microsoftonline.com/contoso/v2.0',
      'not a url',
    ]) {
      expect(problemsOf({ ...LIVE, ENTRA_AUTHORITY: authority })).toEqual([
        expect.stringMatching(/^ENTRA_AUTHORITY: must /),
      ]);
    }
  });

  it('normalises a trailing slash on the authority and the upstream', () => {
    expect(
      parseSettings({
        ...LIVE,
        ENTRA_AUTHORITY: 'https://login.microsoftonline.com/organizations/',
        PARTNER_CENTER_BASE_URL: 'http://127.0.0.1:9000/',
      }),
    ).toMatchObject({
      authority: 'https://login.microsoftonline.com/organizations',
      partnerCenterBaseUrl: 'http://127.0.0.1:9000',
    });
  });

  it('serves on the redirect URI port, and refuses a PORT that contradicts it', () => {
    expect(parseSettings({ ...LIVE, ENTRA_REDIRECT_URI: 'https://localhost:8443/' })).toMatchObject(
      { port: 8443 },
    );
    expect(problemsOf({ ...LIVE, PORT: '3000' })).toEqual([
      expect.stringMatching(/^PORT: is 3000 but ENTRA_REDIRECT_URI points at port 5173/),
    ]);
  });

  it('needs both TLS files or neither', () => {
    expect(problemsOf({ ...LIVE, TLS_CERT_FILE: 'cert.pem' })).toEqual([
      'TLS_CERT_FILE and TLS_KEY_FILE: set both (a certificate and its key) or neither',
    ]);
    expect(
      parseSettings({ ...LIVE, TLS_CERT_FILE: 'cert.pem', TLS_KEY_FILE: 'key.pem' }),
    ).toMatchObject({ tls: { certFile: 'cert.pem', keyFile: 'key.pem' } });
  });

  it('has a message that says where to fix the settings', () => {
    expect(() => parseSettings({ REFERRAL_LENS_MODE: 'live' })).toThrow(
      /fix these settings \(in \.env\.local or the environment; see \.env\.example\):\n {2}- ENTRA_CLIENT_ID/,
    );
  });
});

describe('loadSettings', () => {
  it('reads .env.local and lets the environment override it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'referral-lens-config-'));
    try {
      await writeFile(
        join(root, ENV_FILE),
        Object.entries(LIVE)
          .map(([name, value]) => `${name}=${value}`)
          .join('\n') + '\n# a comment\nUPSTREAM_TIMEOUT_MS="10000"\n',
      );
      expect(loadSettings(root, { UPSTREAM_TIMEOUT_MS: '2000' })).toMatchObject({
        mode: 'live',
        clientId: LIVE.ENTRA_CLIENT_ID,
        upstreamTimeoutMs: 2000,
      });
      expect(loadSettings(root, {})).toMatchObject({ upstreamTimeoutMs: 10_000 });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('runs in sandbox mode without a .env.local', async () => {
    const root = await mkdtemp(join(tmpdir(), 'referral-lens-config-'));
    try {
      expect(loadSettings(root, {}).mode).toBe('sandbox');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('parseSettings: ALLOWED_HOSTS', () => {
  it('reads host names separated by commas, in lower case', () => {
    const settings = parseSettings({ ALLOWED_HOSTS: ' Lens.Example.com, reports.example.com ,' });
    expect(settings.allowedHosts).toEqual(['lens.example.com', 'reports.example.com']);
  });

  it.each(['https://lens.example.com', 'lens.example.com:443', 'lens.example.com/x', 'a b'])(
    'refuses %s',
    (value) => {
      expect(() => parseSettings({ ALLOWED_HOSTS: value })).toThrow(
        /ALLOWED_HOSTS: must be host names/,
      );
    },
  );
});
