// The control endpoints' bodies, answered alike by readControlBody: too large, not JSON, not valid, and valid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from './control-body';
import { startSandbox, type RunningSandbox } from './index';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({
    auth: 'off',
    count: 100,
    seed: 3,
    anchorDate: '2026-03-01',
    allowFaults: true,
    log: () => {},
  });
});

afterAll(() => sandbox.close());

const send = (path: string, method: string, body: string) =>
  fetch(`${sandbox.url}/_sandbox/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body,
  });

const description = async (response: Response) =>
  ((await response.json()) as { description?: string }).description ?? '';

describe.each([
  ['faults', 'POST', 'fault rule', { status: 429, times: 1 }, 201],
  ['profile', 'PUT', 'profile', { profile: 'fast' }, 200],
] as const)('/_sandbox/%s bodies', (path, method, what, valid, created) => {
  it('takes a valid body', async () => {
    expect((await send(path, method, JSON.stringify(valid))).status).toBe(created);
  });

  it('refuses a body that is not JSON, with an example', async () => {
    const response = await send(path, method, '{ nope');
    expect(response.status).toBe(400);
    expect(await description(response)).toMatch(/^The body must be JSON: \{/);
  });

  it('says what is invalid in a JSON body', async () => {
    const response = await send(path, method, JSON.stringify({ ...valid, nonsense: [] }));
    expect(response.status).toBe(400);
    expect(await description(response)).toContain(`Invalid ${what}: `);
  });

  it('refuses a body over its limit', async () => {
    const response = await send(path, method, `"${'x'.repeat(MAX_BODY_BYTES)}"`);
    expect(response.status).toBe(413);
  });
});
