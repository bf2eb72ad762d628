import { describe, expect, it } from 'vitest';
import { createLatencyModel, type LatencyModelOptions } from './latency-model';
import { PARTNER_CENTER_MODEL } from './profile';

const model = (overrides: Partial<LatencyModelOptions> = {}) =>
  createLatencyModel({
    seed: 1,
    medianMs: PARTNER_CENTER_MODEL.medianMs,
    sigma: PARTNER_CENTER_MODEL.sigma,
    perKbMs: PARTNER_CENTER_MODEL.perKbMs,
    maxMs: PARTNER_CENTER_MODEL.maxMs,
    scale: 1,
    ...overrides,
  });

const keys = (count: number) => Array.from({ length: count }, (_, i) => `groupby=status&skip=${i}`);

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.floor(q * (sorted.length - 1))] as number;
}

describe('createLatencyModel', () => {
  it('gives the same request the same latency for a seed, and other latencies for another seed', () => {
    const requests = keys(50);
    const first = requests.map((key) => model().latencyMs(key, 2000));
    const again = requests.map((key) => model().latencyMs(key, 2000));
    const otherSeed = requests.map((key) => model({ seed: 2 }).latencyMs(key, 2000));
    expect(again).toEqual(first);
    // Asked again, in another order, a request still waits as long.
    expect([...requests].reverse().map((key) => model().latencyMs(key, 2000))).toEqual(
      [...first].reverse(),
    );
    expect(otherSeed.filter((ms, i) => ms !== first[i]).length).toBeGreaterThan(45);
  });

  it('draws a median near 800 ms and a long tail past 5 s over many requests', () => {
    const draws = keys(20_000)
      .map((key) => model().latencyMs(key, 0))
      .sort((a, b) => a - b);
    expect(quantile(draws, 0.5)).toBeGreaterThan(740);
    expect(quantile(draws, 0.5)).toBeLessThan(860);
    // Log-normal with sigma 1: 90% under 2.9 s, about 3% past 5 s, about 1% past 8 s.
    expect(quantile(draws, 0.9)).toBeGreaterThan(2600);
    expect(quantile(draws, 0.9)).toBeLessThan(3200);
    const past5s = draws.filter((ms) => ms > 5000).length / draws.length;
    expect(past5s).toBeGreaterThan(0.02);
    expect(past5s).toBeLessThan(0.05);
    expect(draws.at(-1)).toBeLessThanOrEqual(PARTNER_CENTER_MODEL.maxMs);
    expect(draws[0]).toBeGreaterThanOrEqual(0);
  });

  it('makes larger answers slower by the per-kilobyte term', () => {
    const key = 'groupby=status';
    const small = model().latencyMs(key, 0);
    expect(model().latencyMs(key, 1_000_000)).toBe(small + 1000);
  });

  it('caps the latency, and scales all of it', () => {
    const key = 'top=10000';
    expect(model({ maxMs: 500 }).latencyMs(key, 50_000_000)).toBe(500);
    const full = model().latencyMs(key, 300_000);
    expect(model({ scale: 0.05 }).latencyMs(key, 300_000)).toBeCloseTo(full * 0.05, -0.5);
    expect(model({ scale: 0 }).latencyMs(key, 300_000)).toBe(0);
  });
});
