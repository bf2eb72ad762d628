import { describe, expect, it } from 'vitest';
import { ConfigError, parseSettings } from '../config';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    parseSettings(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const sandboxOf = (env: Record<string, string>) => {
  const settings = parseSettings(env);
  if (settings.mode !== 'sandbox') throw new Error('expected sandbox mode');
  return settings.sandbox;
};

describe('SANDBOX_PROFILE and its tuning', () => {
  it('is fast unless set', () => {
    expect(sandboxOf({}).profile).toEqual({});
    expect(sandboxOf({ SANDBOX_PROFILE: 'fast' }).profile).toEqual({ name: 'fast' });
  });

  it('reads the partner-center profile and every tuning setting', () => {
    expect(
      sandboxOf({
        SANDBOX_PROFILE: 'partner-center',
        SANDBOX_LATENCY_SEED: '9',
        SANDBOX_LATENCY_SCALE: '0.5',
        SANDBOX_THROTTLE_BURST: '6',
        SANDBOX_THROTTLE_REFILL: '.5',
        SANDBOX_LATENCY_MS: '100',
      }),
    ).toMatchObject({
      latencyMs: 100,
      profile: {
        name: 'partner-center',
        latencySeed: 9,
        latencyScale: 0.5,
        throttleBurst: 6,
        throttleRefillPerSecond: 0.5,
      },
    });
  });

  it('names every bad setting', () => {
    expect(problemsOf({ SANDBOX_PROFILE: 'slow' })).toEqual([
      'SANDBOX_PROFILE: must be fast or partner-center, got "slow"',
    ]);
    expect(problemsOf({ SANDBOX_THROTTLE_BURST: '4' })).toEqual([
      'SANDBOX_THROTTLE_BURST: applies only with SANDBOX_PROFILE=partner-center',
    ]);
    expect(
      problemsOf({
        SANDBOX_PROFILE: 'partner-center',
        SANDBOX_LATENCY_SEED: '-1',
        SANDBOX_LATENCY_SCALE: '20',
        SANDBOX_THROTTLE_BURST: '0',
        SANDBOX_THROTTLE_REFILL: 'lots',
      }),
    ).toEqual([
      'SANDBOX_LATENCY_SEED: must be a whole number from 0 to 4294967295',
      'SANDBOX_LATENCY_SCALE: must be a number from 0 to 10',
      'SANDBOX_THROTTLE_BURST: must be a whole number from 1 to 10000',
      'SANDBOX_THROTTLE_REFILL: must be a number from 0.01 to 10000',
    ]);
  });
});
