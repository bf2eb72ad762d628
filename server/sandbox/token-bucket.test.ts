import { describe, expect, it } from 'vitest';
import { createTokenBuckets } from './token-bucket';

function clock() {
  let time = 1_000_000;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

const takeMany = (take: () => { admitted: boolean }, count: number) =>
  Array.from({ length: count }, () => take().admitted);

describe('createTokenBuckets', () => {
  it('lets a burst through at once, then refuses with the seconds until the next request', () => {
    const time = clock();
    const buckets = createTokenBuckets({ burst: 3, refillPerSecond: 0.5, now: time.now });
    expect(takeMany(() => buckets.take('ada'), 3)).toEqual([true, true, true]);
    // One request earns back in 2 s at 0.5 a second.
    expect(buckets.take('ada')).toEqual({ admitted: false, retryAfterSeconds: 2 });
    time.advance(1500);
    expect(buckets.take('ada')).toEqual({ admitted: false, retryAfterSeconds: 1 });
    time.advance(500);
    expect(buckets.take('ada')).toEqual({ admitted: true });
  });

  it('rounds Retry-After up to whole seconds, at least one', () => {
    const time = clock();
    const buckets = createTokenBuckets({ burst: 1, refillPerSecond: 4, now: time.now });
    buckets.take('ada');
    expect(buckets.take('ada')).toEqual({ admitted: false, retryAfterSeconds: 1 });
    const slow = createTokenBuckets({ burst: 1, refillPerSecond: 0.3, now: time.now });
    slow.take('ada');
    time.advance(100);
    // (1 - 0.03) / 0.3 = 3.23 s.
    expect(slow.take('ada')).toEqual({ admitted: false, retryAfterSeconds: 4 });
  });

  it('refills at its rate up to the burst, never beyond', () => {
    const time = clock();
    const buckets = createTokenBuckets({ burst: 4, refillPerSecond: 2, now: time.now });
    takeMany(() => buckets.take('ada'), 4);
    time.advance(1000);
    expect(takeMany(() => buckets.take('ada'), 3)).toEqual([true, true, false]);
    // A long pause fills the bucket to the burst only.
    time.advance(60_000);
    expect(takeMany(() => buckets.take('ada'), 5)).toEqual([true, true, true, true, false]);
  });

  it('counts a refused request against nothing: waiting Retry-After is enough', () => {
    const time = clock();
    const buckets = createTokenBuckets({ burst: 1, refillPerSecond: 1, now: time.now });
    buckets.take('ada');
    takeMany(() => buckets.take('ada'), 20);
    time.advance(1000);
    expect(buckets.take('ada')).toEqual({ admitted: true });
  });

  it("keeps one caller's bucket apart from another's", () => {
    const time = clock();
    const buckets = createTokenBuckets({ burst: 2, refillPerSecond: 1, now: time.now });
    expect(takeMany(() => buckets.take('ada'), 3)).toEqual([true, true, false]);
    expect(takeMany(() => buckets.take('grace'), 2)).toEqual([true, true]);
    expect(buckets.take('grace').admitted).toBe(false);
    expect(buckets.take('ada').admitted).toBe(false);
  });

  it('forgets idle callers when many are tracked, without resetting busy ones', () => {
    const time = clock();
    const buckets = createTokenBuckets({ burst: 1, refillPerSecond: 1, now: time.now });
    for (let i = 0; i < 999; i++) buckets.take(`caller-${i}`);
    time.advance(2000);
    buckets.take('busy');
    // The thousandth caller makes room: the idle callers' full buckets go, the busy one's empty bucket stays.
    expect(buckets.take('newcomer').admitted).toBe(true);
    expect(buckets.take('busy').admitted).toBe(false);
    expect(buckets.take('caller-0').admitted).toBe(true);
  });
});
