import { describe, expect, it } from 'vitest';
import { resolveSandboxOptions, SandboxOptionError, type SandboxOptions } from './options';

const jwks = { keys: [{ kty: 'RSA', n: 'AQAB', e: 'AQAB', kid: 'k' }] };

function problem(options: Partial<SandboxOptions>): string {
  try {
    resolveSandboxOptions({ auth: 'off', ...options });
  } catch (error) {
    if (error instanceof SandboxOptionError) return error.message;
    throw error;
  }
  throw new Error('expected a SandboxOptionError');
}

describe('resolveSandboxOptions', () => {
  it('fills in the defaults: loopback, a free port, 25,000 referrals up to today (UTC), no faults', () => {
    const resolved = resolveSandboxOptions({ auth: 'off' });
    expect(resolved).toMatchObject({
      host: '127.0.0.1',
      port: 0,
      seed: 1,
      count: 25000,
      latencyMs: 0,
      failRate: 0,
      throttleRate: 0,
      faultsEnabled: false,
      log: undefined,
    });
    expect(resolved.warn).toBeTypeOf('function');
    const today = new Date().toISOString().slice(0, 10);
    expect(new Date(resolved.anchor).toISOString()).toBe(`${today}T00:00:00.000Z`);
  });

  it('takes the anchor date as YYYY-MM-DD or as a Date (its UTC day)', () => {
    expect(resolveSandboxOptions({ auth: 'off', anchorDate: '2026-03-01' }).anchor).toBe(
      Date.UTC(2026, 2, 1),
    );
    const date = new Date(Date.UTC(2025, 11, 31, 23, 59));
    expect(resolveSandboxOptions({ auth: 'off', anchorDate: date }).anchor).toBe(
      Date.UTC(2025, 11, 31),
    );
  });

  it('allows faults when asked, or when a fault rate is set', () => {
    expect(resolveSandboxOptions({ auth: 'off', allowFaults: true }).faultsEnabled).toBe(true);
    expect(resolveSandboxOptions({ auth: 'off', failRate: 0.1 }).faultsEnabled).toBe(true);
    expect(resolveSandboxOptions({ auth: 'off', throttleRate: 0.1 }).faultsEnabled).toBe(true);
  });

  it('names the option that is wrong', () => {
    expect(problem({ count: -1 })).toMatch(/^count: must be a whole number from 0 to 500000/);
    expect(problem({ count: 1.5 })).toMatch(/^count:/);
    expect(problem({ seed: 2 ** 32 })).toMatch(/^seed:/);
    expect(problem({ port: 70000 })).toMatch(/^port:/);
    expect(problem({ latencyMs: -5 })).toMatch(/^latencyMs:/);
    expect(problem({ failRate: 1.5 })).toMatch(/^failRate: must be a number from 0 to 1/);
    expect(problem({ throttleRate: Number.NaN })).toMatch(/^throttleRate:/);
    expect(problem({ failRate: 0.6, throttleRate: 0.6 })).toMatch(/^failRate: plus throttleRate/);
    expect(problem({ anchorDate: '2026-02-30' })).toMatch(
      /^anchorDate: must be a date written YYYY-MM-DD/,
    );
    expect(problem({ anchorDate: '1999-12-31' })).toMatch(/^anchorDate: must be between/);
    expect(problem({ host: ' ' })).toMatch(/^host:/);
    expect(problem({ auth: { issuer: 'not a url', jwks } })).toMatch(/^auth\.issuer:/);
    expect(problem({ auth: { issuer: 'https://localhost/oidc', jwks: { keys: [] } } })).toMatch(
      /^auth\.jwks:/,
    );
  });
});
