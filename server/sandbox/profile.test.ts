import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERRALS_PATH } from '../../src/lib/referrals/schema';
import { startSandbox, type RunningSandbox } from './index';
import { resolveSandboxOptions, SandboxOptionError } from './options';
import { describeProfile, resolveProfile, type ProfileOptions } from './profile';
import { PROFILE_PATH } from './server';
import { createTestKey, signAccessToken, TEST_ISSUER, type TestKey } from './test-tokens';

describe('resolveProfile', () => {
  it('is fast unless asked, and the fast profile takes no tuning', () => {
    expect(resolveProfile({}, 7)).toEqual({ name: 'fast' });
    expect(() => resolveProfile({ throttleBurst: 4 }, 7)).toThrow(
      /applies only to the partner-center profile/,
    );
  });

  it("fills in the partner-center defaults, seeding the latency with the data's seed", () => {
    expect(resolveProfile({ name: 'partner-center' }, 7)).toEqual({
      name: 'partner-center',
      latencySeed: 7,
      latencyScale: 1,
      throttleBurst: 12,
      throttleRefillPerSecond: 1,
    });
  });

  it.each<[ProfileOptions, RegExp]>([
    [{ name: 'slow' as 'fast' }, /^profile.name: must be fast or partner-center, got slow$/],
    [{ name: 'partner-center', throttleBurst: 0 }, /^profile.throttleBurst: must be a whole/],
    [{ name: 'partner-center', throttleBurst: 2.5 }, /^profile.throttleBurst: must be a whole/],
    [{ name: 'partner-center', throttleRefillPerSecond: 0 }, /^profile.throttleRefillPerSecond/],
    [{ name: 'partner-center', latencyScale: -1 }, /^profile.latencyScale: must be a number/],
    [{ name: 'partner-center', latencyScale: Number.NaN }, /^profile.latencyScale/],
    [{ name: 'partner-center', latencySeed: -1 }, /^profile.latencySeed/],
  ])('names the bad option in %j', (profile, message) => {
    expect(() => resolveSandboxOptions({ auth: 'off', profile })).toThrow(SandboxOptionError);
    expect(() => resolveSandboxOptions({ auth: 'off', profile })).toThrow(message);
  });

  it('describes itself for the start-up log', () => {
    expect(describeProfile({ name: 'fast' })).toBe('profile fast (no latency, no throttling)');
    expect(describeProfile(resolveProfile({ name: 'partner-center', latencyScale: 0.1 }, 1))).toBe(
      'profile partner-center (latency median 800 ms × 0.1, seed 1; throttling after 12 requests, 1/s per user)',
    );
  });
});

describe('sandbox under the partner-center profile', () => {
  let key: TestKey;
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    key = await createTestKey();
    sandbox = await startSandbox({
      auth: { issuer: TEST_ISSUER, jwks: key.jwks },
      count: 500,
      anchorDate: '2026-03-01',
      allowFaults: true,
      // A slow refill, so no token comes back during the test.
      profile: { name: 'partner-center', throttleBurst: 3, throttleRefillPerSecond: 0.1 },
      latencyMs: 0,
    });
  });

  afterAll(() => sandbox.close());

  const tokenFor = (oid: string) => signAccessToken(key, { claims: { oid } });
  const get = (token: string, query = '?top=5') =>
    fetch(`${sandbox.url}${REFERRALS_PATH}${query}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
  const control = (method: string, body?: unknown) =>
    fetch(`${sandbox.url}${PROFILE_PATH}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const statuses = async (token: string, count: number) => {
    const result: number[] = [];
    for (let i = 0; i < count; i++) {
      const response = await get(token, `?top=1&skip=${i}`);
      await response.arrayBuffer();
      result.push(response.status);
    }
    return result;
  };

  it("throttles each user's burst apart, answering 429 with Retry-After and the documented body", async () => {
    await control('PUT', {
      profile: 'partner-center',
      latencyScale: 0,
      throttleBurst: 3,
      throttleRefillPerSecond: 0.1,
    });
    const ada = await tokenFor('ada');
    expect(await statuses(ada, 3)).toEqual([200, 200, 200]);
    const throttled = await get(ada);
    expect(throttled.status).toBe(429);
    // At 0.1 a second, the next request is 10 s away.
    expect(throttled.headers.get('retry-after')).toBe('10');
    expect(await throttled.json()).toEqual({
      statusCode: 429,
      message: 'Rate limit is exceeded. Try again in 10 seconds.',
    });
    expect(throttled.headers.get('ms-requestid')).toBeTruthy();
    // Another user has a bucket of their own.
    expect(await statuses(await tokenFor('grace'), 4)).toEqual([200, 200, 200, 429]);
  });

  it("counts a token's tenant (tid) as one caller, as Partner Center counts per partner tenant", async () => {
    await control('PUT', {
      profile: 'partner-center',
      latencyScale: 0,
      throttleBurst: 2,
      throttleRefillPerSecond: 0.1,
    });
    const colleague = (oid: string) =>
      signAccessToken(key, { claims: { oid, tid: 'contoso-tenant' } });
    expect(await statuses(await colleague('ada'), 2)).toEqual([200, 200]);
    expect(await statuses(await colleague('grace'), 1)).toEqual([429]);
  });

  it('delays answers by the latency model, scaled', async () => {
    await control('PUT', { profile: 'partner-center', latencyScale: 0.2, throttleBurst: 100 });
    const token = await tokenFor('latency');
    const started = performance.now();
    const response = await get(token, '?groupby=status');
    await response.arrayBuffer();
    expect(response.status).toBe(200);
    // Every draw is positive; a fifth of the model's median is 160 ms, its cap 4 s.
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThan(1);
    expect(elapsed).toBeLessThan(4500);
  });

  it('switches profile through /_sandbox/profile, with fresh buckets, and back with DELETE', async () => {
    const put = await control('PUT', { profile: 'partner-center', throttleBurst: 1 });
    expect(await put.json()).toMatchObject({ name: 'partner-center', throttleBurst: 1 });
    expect(await (await control('GET')).json()).toMatchObject({ throttleBurst: 1 });
    await control('PUT', { profile: 'partner-center', latencyScale: 0, throttleBurst: 1 });
    const token = await tokenFor('switcher');
    expect(await statuses(token, 2)).toEqual([200, 429]);
    await control('PUT', { profile: 'fast' });
    expect(await statuses(token, 5)).toEqual([200, 200, 200, 200, 200]);

    const reset = await control('DELETE');
    expect(await reset.json()).toMatchObject({
      name: 'partner-center',
      throttleBurst: 3,
      throttleRefillPerSecond: 0.1,
    });
  });

  it('says what is wrong with a bad profile body', async () => {
    const cases: [unknown, RegExp][] = [
      [{ profile: 'slow' }, /Invalid profile: profile /],
      [{ profile: 'partner-center', burst: 3 }, /Invalid profile: .*burst/],
      [{ profile: 'partner-center', throttleBurst: 0 }, /throttleBurst must be a whole number/],
      [{ profile: 'fast', latencyScale: 0.1 }, /latencyScale applies only/],
    ];
    for (const [body, description] of cases) {
      const response = await control('PUT', body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { description: string }).description).toMatch(description);
    }
    expect((await control('PUT', 'not json' as unknown)).status).toBe(400);
    expect((await control('POST', {})).status).toBe(405);
  });
});

describe('profile control without faults allowed', () => {
  it('is refused with 403', async () => {
    const sandbox = await startSandbox({ auth: 'off', count: 10, log: () => {} });
    try {
      const response = await fetch(`${sandbox.url}${PROFILE_PATH}`, {
        method: 'PUT',
        body: JSON.stringify({ profile: 'partner-center' }),
      });
      expect(response.status).toBe(403);
    } finally {
      await sandbox.close();
    }
  });
});
