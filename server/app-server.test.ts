import { mkdtemp, rm } from 'node:fs/promises';
import { request, type RequestListener } from 'node:http';
import { connect as connectHttp2 } from 'node:http2';
import { request as httpsRequest } from 'node:https';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServer, type AppServer } from './app-server';
import { ensureLocalSecrets, type LocalSecrets } from './local-secrets';
import { MAX_REQUEST_HEAD_BYTES, createRequestSizeLimit } from './security/request-limits';

let secrets: LocalSecrets;
let secretsDir: string;

beforeAll(async () => {
  secretsDir = await mkdtemp(join(tmpdir(), 'referral-lens-app-server-'));
  secrets = await ensureLocalSecrets(secretsDir);
});

afterAll(() => rm(secretsDir, { recursive: true, force: true }));

const limit = createRequestSizeLimit();
/** The app stand-in: the size limit in front, as in static-app.ts, then "app". */
const app: RequestListener = (req, res) =>
  limit(req, res, () => res.writeHead(200, { 'content-type': 'text/plain' }).end('app'));

async function started(handler: RequestListener, tls: boolean): Promise<[AppServer, number]> {
  const server = createAppServer(handler, tls ? { cert: secrets.cert, key: secrets.key } : null);
  await server.listen(0, '127.0.0.1');
  return [server, (server.server.address() as AddressInfo).port];
}

/** Sends raw bytes and reads the whole answer (the server closes the connection). */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject).end();
  });
}

describe('npm run serve over http', () => {
  it('answers /healthz without the app, and the app otherwise', async () => {
    let reached = 0;
    const [server, port] = await started((req, res) => {
      reached += 1;
      app(req, res);
    }, false);
    try {
      const health = await get(port, '/healthz');
      expect(health).toEqual({ status: 200, body: '{"status":"ok"}' });
      expect(reached).toBe(0);
      expect(await get(port, '/')).toEqual({ status: 200, body: 'app' });
    } finally {
      await server.shutdown();
    }
  });

  it('answers an over-long request head with 431 and the Partner Center error body, not a bare status', async () => {
    const [server, port] = await started(app, false);
    try {
      const answer = await raw(
        port,
        `GET /api/partner/v1/analytics/referrals?filter=${'a'.repeat(MAX_REQUEST_HEAD_BYTES)} HTTP/1.1\r\nHost: localhost\r\n\r\n`,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 431 /);
      const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as Record<
        string,
        unknown
      >;
      expect(body).toMatchObject({ code: 'RequestTooLong', data: [], source: 'ReferralLensProxy' });
      expect(body.description).toMatch(/The request is too long/);
    } finally {
      await server.shutdown();
    }
  });

  it('answers a target over the limit (under the head limit) with 414 and the error body', async () => {
    const [server, port] = await started(app, false);
    try {
      const answer = await get(port, `/api/x?filter=${'a'.repeat(50 * 1024)}`);
      expect(answer.status).toBe(414);
      expect(JSON.parse(answer.body)).toMatchObject({ code: 'RequestTooLong' });
    } finally {
      await server.shutdown();
    }
  });

  it('on shutdown takes no new connections and lets a request under way finish', async () => {
    let release: () => void = () => {};
    const [server, port] = await started((_req, res) => {
      release = () => res.end('finished');
    }, false);
    const slow = get(port, '/slow');
    await new Promise((resolve) => setTimeout(resolve, 100));

    const stopped = server.shutdown(5_000);
    await expect(get(port, '/')).rejects.toThrow(/ECONNREFUSED/);
    release();

    expect(await slow).toEqual({ status: 200, body: 'finished' });
    await stopped;
  });

  it('closes a request still under way when the grace period is over', async () => {
    const [server, port] = await started(() => {}, false);
    const hanging = get(port, '/never');
    await new Promise((resolve) => setTimeout(resolve, 100));

    const started_ = performance.now();
    await server.shutdown(300);

    expect(performance.now() - started_).toBeGreaterThanOrEqual(250);
    await expect(hanging).rejects.toThrow(/socket hang up|ECONNRESET/);
  });
});

describe('npm run serve over https', () => {
  it('speaks HTTP/2, and HTTP/1.1 to clients without it', async () => {
    const [server, port] = await started(app, true);
    try {
      const h2 = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const session = connectHttp2(`https://localhost:${port}`, { ca: secrets.cert });
        session.on('error', reject);
        const stream = session.request({ ':path': '/healthz' });
        let status = 0;
        let body = '';
        stream.on('response', (headers) => (status = Number(headers[':status'])));
        stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
        stream.on('end', () => {
          session.close();
          resolve({ status, body });
        });
        stream.end();
      });
      expect(h2).toEqual({ status: 200, body: '{"status":"ok"}' });

      const h1 = await new Promise<string>((resolve, reject) => {
        const req = httpsRequest(
          { host: 'localhost', port, path: '/', ca: secrets.cert, agent: false },
          (res) => resolve(`${res.httpVersion} ${res.statusCode}`),
        );
        req.on('error', reject).end();
      });
      expect(h1).toBe('1.1 200');
    } finally {
      await server.shutdown();
    }
  });

  it('answers an over-long request over HTTP/2 with 431 and the error body, not a reset', async () => {
    const [server, port] = await started(app, true);
    try {
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const session = connectHttp2(`https://localhost:${port}`, {
          ca: secrets.cert,
          maxSendHeaderBlockLength: 200_000,
        });
        session.on('error', reject);
        const stream = session.request({
          ':path': '/api/partner/v1/analytics/referrals',
          'x-long': 'a'.repeat(MAX_REQUEST_HEAD_BYTES),
        });
        let status = 0;
        let body = '';
        stream.on('response', (headers) => (status = Number(headers[':status'])));
        stream.on('data', (chunk: Buffer) => (body += chunk.toString()));
        stream.on('end', () => {
          session.close();
          resolve({ status, body });
        });
        stream.on('error', reject);
        stream.end();
      });
      expect(answer.status).toBe(431);
      expect(JSON.parse(answer.body)).toMatchObject({ code: 'RequestTooLong' });
    } finally {
      await server.shutdown();
    }
  });
});
