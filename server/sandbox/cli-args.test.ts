import { describe, expect, it } from 'vitest';
import { DEFAULT_CLI_PORT, DEFAULT_ISSUER, isLoopback, parseCliArgs } from './cli-args';

function errorOf(args: string[]): string {
  const parsed = parseCliArgs(args);
  if (parsed.kind !== 'error') throw new Error(`expected an error for ${args.join(' ')}`);
  return parsed.message;
}

describe('parseCliArgs', () => {
  it('has safe defaults: loopback, auth on against the local identity provider, no faults', () => {
    expect(parseCliArgs([])).toEqual({
      kind: 'run',
      options: {
        port: DEFAULT_CLI_PORT,
        host: '127.0.0.1',
        seed: 1,
        count: 25000,
        anchorDate: undefined,
        auth: 'on',
        issuer: DEFAULT_ISSUER,
        jwksFile: undefined,
        latencyMs: 0,
        profile: {},
        failRate: 0,
        throttleRate: 0,
        allowFaults: false,
      },
    });
  });

  it('reads every option', () => {
    const parsed = parseCliArgs([
      '--port=7071',
      '--host',
      '::1',
      '--seed',
      '42',
      '--count',
      '100000',
      '--anchor-date',
      '2026-03-01',
      '--auth',
      'off',
      '--issuer',
      'https://localhost:4443/oidc',
      '--jwks-file',
      'keys.json',
      '--latency-ms',
      '250',
      '--fail-rate',
      '0.05',
      '--throttle-rate',
      '.1',
      '--allow-faults',
    ]);
    expect(parsed).toEqual({
      kind: 'run',
      options: {
        port: 7071,
        host: '::1',
        seed: 42,
        count: 100000,
        anchorDate: '2026-03-01',
        auth: 'off',
        issuer: 'https://localhost:4443/oidc',
        jwksFile: 'keys.json',
        latencyMs: 250,
        profile: {},
        failRate: 0.05,
        throttleRate: 0.1,
        allowFaults: true,
      },
    });
  });

  it('reads the partner-center profile and its tuning', () => {
    const parsed = parseCliArgs([
      '--profile',
      'partner-center',
      '--latency-seed',
      '9',
      '--latency-scale',
      '0.05',
      '--throttle-burst',
      '4',
      '--throttle-refill=0.5',
    ]);
    expect(parsed).toMatchObject({
      kind: 'run',
      options: {
        profile: {
          name: 'partner-center',
          latencySeed: 9,
          latencyScale: 0.05,
          throttleBurst: 4,
          throttleRefillPerSecond: 0.5,
        },
        latencyMs: 0,
      },
    });
    expect(parseCliArgs(['--profile', 'fast'])).toMatchObject({
      options: { profile: { name: 'fast' } },
    });
  });

  it('refuses a bad profile or tuning, naming the option', () => {
    expect(errorOf(['--profile', 'slow'])).toBe(
      "--profile must be fast or partner-center, got 'slow'",
    );
    expect(errorOf(['--throttle-burst', '4'])).toBe(
      '--throttle-burst needs --profile partner-center',
    );
    expect(errorOf(['--profile', 'fast', '--latency-scale', '0.1'])).toBe(
      '--latency-scale needs --profile partner-center',
    );
    const pc = ['--profile', 'partner-center'];
    expect(errorOf([...pc, '--throttle-burst', '0'])).toMatch(
      /^--throttle-burst must be a whole number from 1 to 10000, got '0'$/,
    );
    expect(errorOf([...pc, '--throttle-burst', '2.5'])).toMatch(/^--throttle-burst/);
    expect(errorOf([...pc, '--throttle-refill', '0'])).toMatch(
      /^--throttle-refill must be a number from 0.01 to 10000, got '0'$/,
    );
    expect(errorOf([...pc, '--throttle-refill', 'fast'])).toMatch(/^--throttle-refill/);
    expect(errorOf([...pc, '--latency-scale', '11'])).toMatch(/^--latency-scale/);
    expect(errorOf([...pc, '--latency-scale', '-1'])).toMatch(/latency-scale/);
    expect(errorOf([...pc, '--latency-seed', 'x'])).toMatch(/^--latency-seed/);
  });

  it('asks for help', () => {
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['-h'])).toEqual({ kind: 'help' });
  });

  it('names the option in every complaint', () => {
    expect(errorOf(['--port', 'abc'])).toBe(
      "--port must be a whole number from 0 to 65535, got 'abc'",
    );
    expect(errorOf(['--port', '65536'])).toMatch(/^--port/);
    expect(errorOf(['--port', '-1'])).toMatch(/--port/);
    expect(errorOf(['--seed', '1e3'])).toMatch(/^--seed/);
    expect(errorOf(['--count', '500001'])).toMatch(
      /^--count must be a whole number from 0 to 500000/,
    );
    expect(errorOf(['--count'])).toMatch(/--count/);
    expect(errorOf(['--anchor-date', '2026-13-01'])).toMatch(/^--anchor-date must be a real date/);
    expect(errorOf(['--anchor-date', '01/03/2026'])).toMatch(/^--anchor-date/);
    expect(errorOf(['--auth', 'yes'])).toBe("--auth must be on or off, got 'yes'");
    expect(errorOf(['--issuer', 'localhost:5173'])).toMatch(/^--issuer must be an http\(s\) URL/);
    expect(errorOf(['--latency-ms', '1.5'])).toMatch(/^--latency-ms/);
    expect(errorOf(['--latency-ms', '600000'])).toMatch(/^--latency-ms/);
    expect(errorOf(['--fail-rate', '1.2'])).toMatch(/^--fail-rate must be a number from 0 to 1/);
    expect(errorOf(['--throttle-rate', 'NaN'])).toMatch(/^--throttle-rate/);
    expect(errorOf(['--fail-rate', '0.7', '--throttle-rate', '0.7'])).toMatch(
      /together must not exceed 1/,
    );
    expect(errorOf(['--host', ''])).toMatch(/^--host/);
    expect(errorOf(['--jwks-file', ''])).toMatch(/^--jwks-file/);
    expect(errorOf(['--allow-faults=yes'])).toMatch(/--allow-faults/);
    expect(errorOf(['--bogus'])).toBe('unknown option --bogus');
    expect(errorOf(['7071'])).toBe("unexpected argument '7071'");
  });
});

describe('isLoopback', () => {
  it('tells loopback addresses from others', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', '::1', 'localhost'])
      expect(isLoopback(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.5', 'example.com'])
      expect(isLoopback(host)).toBe(false);
  });
});
