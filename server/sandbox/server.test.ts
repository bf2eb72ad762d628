import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERRALS_PATH } from '../../src/lib/referrals/schema';
import { startSandbox, type RunningSandbox } from './index';
import { MAX_URL_LENGTH } from './server';

let sandbox: RunningSandbox;
const warnings: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({
    auth: 'off',
    count: 2000,
    seed: 3,
    anchorDate: '2026-03-01',
    log: (line) => warnings.push(line),
  });
});

afterAll(() => sandbox.close());

const api = (query = '', init?: RequestInit) =>
  fetch(`${sandbox.url}${REFERRALS_PATH}${query}`, init);

/**
 * Sends a request target exactly as given (fetch and http.request refuse or rewrite odd ones) and reads the status.
 * Rejects if the server does not answer within five seconds.
 */
function rawStatus(target: string, method = 'GET'): Promise<number> {
  const { hostname, port } = new URL(sandbox.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer to ${method} ${target.slice(0, 80)}`));
    }, 5000);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
      if (status) resolve(Number(status));
      else reject(new Error(`not HTTP: ${text.slice(0, 80)}`));
    });
    socket.write(
      `${method} ${target} HTTP/1.1\r\nHost: sandbox\r\nConnection: close\r\n\r\n`,
      'latin1',
    );
  });
}

describe('sandbox HTTP server, auth off', () => {
  it('warns loudly at start-up that auth is off', () => {
    expect(warnings.join('\n')).toMatch(/SANDBOX AUTH IS OFF/);
  });

  it('answers the referrals endpoint through the engine', async () => {
    const response = await api('?top=3');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await response.json()) as {
      Value: { id: string }[];
      TotalCount: number;
      '@nextLink': string;
    };
    expect(body.Value).toHaveLength(3);
    expect(body.TotalCount).toBe(2000);
    expect(body['@nextLink']).toBe('referrals?top=3&skip=3');
  });

  it("passes the engine's 400s through with the error body", async () => {
    const response = await api(`?filter=${encodeURIComponent('status eq')}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 3000, data: [], source: 'PartnerFD' });
  });

  it('echoes MS-CorrelationId and MS-RequestId, and makes a request id when none is sent', async () => {
    const correlationId = '4b1f2c8e-51a0-4f59-9d7e-0c2a8f1d3e55';
    const requestId = '0e6b7a4c-1f5d-4c2a-9b3e-7d8f6a5c4b3a';
    const echoed = await api('?top=1', {
      headers: { 'MS-CorrelationId': correlationId, 'MS-RequestId': requestId },
    });
    expect(echoed.headers.get('ms-correlationid')).toBe(correlationId);
    expect(echoed.headers.get('ms-requestid')).toBe(requestId);
    expect(echoed.headers.get('ms-cv')).toBeTruthy();

    const fresh = await api('?top=1');
    expect(fresh.headers.get('ms-requestid')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(fresh.headers.get('ms-correlationid')).toBeNull();
  });

  it('does not echo ids that are not id-shaped', async () => {
    const response = await api('?top=1', {
      headers: { 'MS-CorrelationId': '<script>alert(1)</script>', 'MS-RequestId': 'x'.repeat(500) },
    });
    expect(response.headers.get('ms-correlationid')).toBeNull();
    expect(response.headers.get('ms-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown paths with 404 and the error body, on errors too', async () => {
    for (const path of [
      '/',
      '/partner/v1/analytics/referrals/',
      '/partner/v1/analytics/subscriptions',
    ]) {
      const response = await fetch(`${sandbox.url}${path}`, {
        headers: { 'MS-CorrelationId': 'c-1' },
      });
      expect(response.status).toBe(404);
      expect(response.headers.get('ms-correlationid')).toBe('c-1');
      expect(response.headers.get('ms-requestid')).toBeTruthy();
      expect(await response.json()).toMatchObject({ code: 404, data: [], source: 'PartnerFD' });
    }
  });

  it('answers other methods with 405 and Allow: GET', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const response = await api('', { method, body: method === 'OPTIONS' ? undefined : '{}' });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET');
      expect(await response.json()).toMatchObject({ code: 405, source: 'PartnerFD' });
    }
    expect((await api('', { method: 'HEAD' })).status).toBe(405);
  });

  it('answers malformed request targets without a 500 or a hang', async () => {
    const targets = [
      `${REFERRALS_PATH}?filter=%`,
      `${REFERRALS_PATH}?filter=%ZZ%E0%A4%A`,
      `${REFERRALS_PATH}?filter=%00%ff%fe`,
      `${REFERRALS_PATH}?top=1&top=2`,
      `${REFERRALS_PATH}?&&&==&top`,
      `${REFERRALS_PATH}?filter=${'('.repeat(5000)}`,
      `${REFERRALS_PATH}?filter=${encodeURIComponent("customerName eq '日本'")}`,
      `${REFERRALS_PATH}?filter=\u00e9\u00ff`,
      `${REFERRALS_PATH}#fragment`,
      `${REFERRALS_PATH}?groupby=${'status,'.repeat(2000)}`,
      '*',
      '//partner/v1/analytics/referrals',
      'http://evil.example/partner/v1/analytics/referrals',
      '/%2e%2e/%2e%2e/etc/passwd',
      `${REFERRALS_PATH}?${'a'.repeat(MAX_URL_LENGTH)}`,
    ];
    for (const target of targets) {
      const status = await rawStatus(target);
      expect({ target: target.slice(0, 60), status }).toEqual({
        target: target.slice(0, 60),
        status: expect.toBeOneOf([200, 400, 404, 414]),
      });
    }
    expect(await rawStatus(`${REFERRALS_PATH}?${'a'.repeat(MAX_URL_LENGTH)}`)).toBe(414);
  });

  it('answers a request head past its limit with 431 and the Partner Center error body', async () => {
    const { hostname, port } = new URL(sandbox.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () =>
        socket.end(`GET ${REFERRALS_PATH}?${'a'.repeat(100 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n`),
      );
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({
      code: 'RequestTooLong',
      description: expect.stringMatching(/The request is too long/),
      source: 'PartnerFD',
    });
  });

  it('answers any query string with a 200 or a 400', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), async (text) => {
        const response = await api(`?filter=${encodeURIComponent(text)}&top=1`);
        await response.arrayBuffer();
        return response.status === 200 || response.status === 400;
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 120 }), async (text) => {
        const response = await api(`?${encodeURI(text).replaceAll('#', '%23')}`);
        await response.arrayBuffer();
        return response.status === 200 || response.status === 400;
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it('keeps serving after a client hangs up mid-request', async () => {
    const { hostname, port } = new URL(sandbox.url);
    await new Promise<void>((resolve) => {
      const socket = connect(Number(port), hostname, () => {
        socket.write(`GET ${REFERRALS_PATH}?top=10000 HTTP/1.1\r\nHost: x\r\n\r\n`);
        socket.destroy();
        resolve();
      });
    });
    expect((await api('?top=1')).status).toBe(200);
  });
});
