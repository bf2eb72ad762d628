import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERRALS_PATH } from '../../src/lib/referrals/schema';
import { startSandbox, type RunningSandbox, type SandboxOptions } from './index';
import { FAULTS_PATH } from './server';

const base: SandboxOptions = { auth: 'off', count: 300, anchorDate: '2026-03-01', log: () => {} };
const started: RunningSandbox[] = [];

async function start(options: Partial<SandboxOptions>): Promise<RunningSandbox> {
  const sandbox = await startSandbox({ ...base, ...options });
  started.push(sandbox);
  return sandbox;
}

afterAll(() => Promise.all(started.map((sandbox) => sandbox.close())));

const control = (sandbox: RunningSandbox, method: string, body?: unknown) =>
  fetch(`${sandbox.url}${FAULTS_PATH}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });

const api = (sandbox: RunningSandbox, query = '?top=1', headers: Record<string, string> = {}) =>
  fetch(`${sandbox.url}${REFERRALS_PATH}${query}`, { headers });

describe('faults disabled', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await start({});
  });

  it('refuses x-sandbox-fault with 403 and the error body', async () => {
    const response = await api(sandbox, '?top=1', { 'x-sandbox-fault': '500' });
    expect(response.status).toBe(403);
    const body = (await response.json()) as { description: string };
    expect(body).toMatchObject({ code: 403, data: [], source: 'PartnerFD' });
    expect(body.description).toMatch(/--allow-faults/);
  });

  it('refuses the control endpoint for every method', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const response = await control(
        sandbox,
        method,
        method === 'POST' ? { status: 500 } : undefined,
      );
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: 403, source: 'PartnerFD' });
    }
    expect((await api(sandbox)).status).toBe(200);
  });
});

describe('faults allowed', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await start({ allowFaults: true });
  });

  it('answers x-sandbox-fault: 429 like the real throttle, with Retry-After', async () => {
    const response = await api(sandbox, '?top=1', {
      'x-sandbox-fault': '429',
      'MS-CorrelationId': 'c-9',
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(response.headers.get('ms-correlationid')).toBe('c-9');
    expect(await response.json()).toEqual({
      statusCode: 429,
      message: 'Rate limit is exceeded. Try again in 1 seconds.',
    });
    const longer = await api(sandbox, '?top=1', {
      'x-sandbox-fault': '429',
      'x-sandbox-retry-after': '7',
    });
    expect(longer.headers.get('retry-after')).toBe('7');
    expect(((await longer.json()) as { message: string }).message).toMatch(/in 7 seconds/);
  });

  it('answers other statuses with the Partner Center error body', async () => {
    for (const status of [500, 502, 503, 504, 400, 404]) {
      const response = await api(sandbox, '?top=1', { 'x-sandbox-fault': String(status) });
      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({ code: status, data: [], source: 'PartnerFD' });
      expect(response.headers.has('retry-after')).toBe(status === 503);
    }
    const unauthorized = await api(sandbox, '?top=1', { 'x-sandbox-fault': '401' });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
  });

  it('refuses a fault it does not know', async () => {
    for (const value of ['200', 'abc', '', '429.5']) {
      const response = await api(sandbox, '?top=1', { 'x-sandbox-fault': value });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { description: string }).description).toMatch(
        /x-sandbox-fault/,
      );
    }
    const badRetry = await api(sandbox, '?top=1', {
      'x-sandbox-fault': '429',
      'x-sandbox-retry-after': '-1',
    });
    expect(badRetry.status).toBe(400);
  });

  it('queues faults that fire on matching requests the given number of times', async () => {
    const queued = await control(sandbox, 'POST', {
      status: 503,
      times: 2,
      match: 'groupby=status',
      retryAfter: 3,
    });
    expect(queued.status).toBe(201);
    expect(await queued.json()).toEqual({
      rules: [{ status: 503, times: 2, match: 'groupby=status', retryAfter: 3 }],
    });
    expect((await api(sandbox, '?top=1')).status).toBe(200);
    const first = await api(sandbox, '?groupby=status');
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('3');
    expect((await api(sandbox, '?groupby=status&top=5')).status).toBe(503);
    expect((await api(sandbox, '?groupby=status')).status).toBe(200);
    expect(await (await control(sandbox, 'GET')).json()).toEqual({ rules: [] });
  });

  it('matches the decoded query string too, and fires rules in order', async () => {
    await control(sandbox, 'POST', { status: 429, match: "status eq 'Won'" });
    await control(sandbox, 'POST', { status: 500 });
    expect((await api(sandbox, '?top=1')).status).toBe(500);
    const filter = encodeURIComponent("status eq 'Won'");
    const throttled = await api(sandbox, `?filter=${filter}`);
    expect(throttled.status).toBe(429);
    expect((await api(sandbox, `?filter=${filter}`)).status).toBe(200);
  });

  it('clears queued faults with DELETE', async () => {
    await control(sandbox, 'POST', { status: 500, times: 5 });
    const cleared = await control(sandbox, 'DELETE');
    expect(cleared.status).toBe(200);
    expect(await cleared.json()).toEqual({ rules: [] });
    expect((await api(sandbox)).status).toBe(200);
  });

  it("answers a queued MFA refusal with Partner Center's words for it, on 401 and 403", async () => {
    for (const status of [401, 403]) {
      expect((await control(sandbox, 'POST', { status, mfa: true })).status).toBe(201);
      const response = await api(sandbox);
      expect(response.status).toBe(status);
      const body = (await response.json()) as { description: string };
      expect(body.description).toMatch(/multi-factor authentication \(MFA\) is required/i);
    }
  });

  it('says what is wrong with a bad rule', async () => {
    const cases: [unknown, RegExp][] = [
      [{ status: 500, mfa: true }, /mfa goes with status 401 or 403/],
      ['not json', /must be JSON/],
      [{ status: 200 }, /status must be one of/],
      [{ status: 500, times: 0 }, /times/],
      [{ status: 500, retry_after: 3 }, /retry_after/],
      [{ times: 1 }, /status/],
      [[1, 2], /body/],
    ];
    for (const [body, message] of cases) {
      const response = await control(sandbox, 'POST', body);
      expect(response.status).toBe(400);
      const error = (await response.json()) as { description: string; source: string };
      expect(error.source).toBe('PartnerFD');
      expect(error.description).toMatch(message);
    }
    expect((await control(sandbox, 'POST', { status: 500, match: 'x'.repeat(5000) })).status).toBe(
      413,
    );
    expect((await control(sandbox, 'PUT', { status: 500 })).status).toBe(405);
    expect(await (await control(sandbox, 'GET')).json()).toEqual({ rules: [] });
  });
});

describe('random faults', () => {
  async function statuses(options: Partial<SandboxOptions>, requests: number): Promise<number[]> {
    const sandbox = await start(options);
    const seen: number[] = [];
    for (let i = 0; i < requests; i++) {
      const response = await api(sandbox);
      if (response.status === 429)
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      await response.arrayBuffer();
      seen.push(response.status);
    }
    return seen;
  }

  it('fails the same requests for the same seed, whatever the rates imply', async () => {
    const options = { seed: 11, failRate: 0.2, throttleRate: 0.3 };
    const first = await statuses(options, 40);
    expect(await statuses(options, 40)).toEqual(first);
    expect(first).toContain(429);
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await statuses({ ...options, seed: 12 }, 40)).not.toEqual(first);
  });

  it('enables faults when a rate is set', async () => {
    const sandbox = await start({ throttleRate: 0.01 });
    expect((await control(sandbox, 'GET')).status).toBe(200);
  });
});

describe('latency', () => {
  it('delays every API answer by at least latencyMs', async () => {
    const sandbox = await start({ latencyMs: 150 });
    const started = performance.now();
    expect((await api(sandbox)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });
});
