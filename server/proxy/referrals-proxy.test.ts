import {
  createServer,
  request,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createReferralsProxy,
  type ProxyLogEntry,
  type ReferralsProxyOptions,
} from './referrals-proxy';

const ROUTE = '/api/partner/v1/analytics/referrals';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.secret-token-payload.signature';

interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A stand-in for the referrals API that records what reaches it. */
class FakeUpstream {
  readonly requests: RecordedRequest[] = [];
  handler: Handler = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"Value":[],"TotalCount":0}');
  };
  private readonly server: Server = createServer((req, res) => {
    this.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    this.handler(req, res);
  });

  async start(): Promise<string> {
    return `http://127.0.0.1:${await listen(this.server)}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as sent, decoded as UTF-8 (compressed answers: see `raw`). */
  body: string;
  raw: Buffer;
}

/** The proxy behind a plain Node server; `next()` answers 299 so tests can see it was called. */
class ProxyUnderTest {
  readonly logs: ProxyLogEntry[] = [];
  private server?: Server;
  port = 0;

  async start(options: Omit<ReferralsProxyOptions, 'log'>): Promise<void> {
    const proxy = createReferralsProxy({ ...options, log: (entry) => this.logs.push(entry) });
    this.server = createServer((req, res) =>
      proxy(req, res, (error) => {
        res.writeHead(error ? 500 : 299).end('next');
      }),
    );
    this.port = await listen(this.server);
  }

  /** Sends a raw request target, exactly as written (fetch would normalise it). */
  send(
    target: string,
    init: { method?: string; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          path: target,
          method: init.method ?? 'GET',
          headers: init.headers,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const raw = Buffer.concat(chunks);
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: raw.toString('utf8'),
              raw,
            });
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

let upstream: FakeUpstream;
let proxy: ProxyUnderTest;
let upstreamUrl: string;

beforeEach(async () => {
  upstream = new FakeUpstream();
  upstreamUrl = await upstream.start();
  proxy = new ProxyUnderTest();
  await proxy.start({ upstream: upstreamUrl });
});

afterEach(async () => {
  await proxy.stop();
  await upstream.stop();
});

function errorBody(answer: Answer): unknown {
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  return JSON.parse(answer.body);
}

describe('forwarding the referrals route', () => {
  it('forwards GET with the query string exactly as sent', async () => {
    // As the app's client encodes it (URLSearchParams).
    const query =
      '?filter=customerName+eq+%27O%27%27Brien%27+and+status+eq+%27Won%27&groupby=status%2CcreatedDate&top=100&skip=0';
    const answer = await proxy.send(`${ROUTE}${query}`);

    expect(answer.status).toBe(200);
    expect(answer.body).toBe('{"Value":[],"TotalCount":0}');
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0]).toMatchObject({
      method: 'GET',
      url: `/partner/v1/analytics/referrals${query}`,
    });
  });

  it('keeps the meaning of a query with characters the URL standard encodes', async () => {
    const query = "?filter=customerName eq 'O''Brien'&top=1".replaceAll(' ', '%20');
    await proxy.send(`${ROUTE}${query}`);

    const sent = new URL(upstream.requests[0]?.url ?? '', 'http://upstream');
    expect(sent.searchParams.get('filter')).toBe("customerName eq 'O''Brien'");
    expect(sent.searchParams.get('top')).toBe('1');
  });

  it('keeps traversal inside the query string, where it is only data', async () => {
    await proxy.send(`${ROUTE}?filter=..%2F..%2Fcustomers&x=/../../admin`);

    expect(upstream.requests[0]?.url).toBe(
      '/partner/v1/analytics/referrals?filter=..%2F..%2Fcustomers&x=/../../admin',
    );
  });

  it('appends the route to an upstream base URL that has a path', async () => {
    await proxy.stop();
    await proxy.start({ upstream: `${upstreamUrl}/v2-mirror/` });

    await proxy.send(`${ROUTE}?top=1`);

    expect(upstream.requests[0]?.url).toBe('/v2-mirror/partner/v1/analytics/referrals?top=1');
  });

  it('relays error statuses with their body, Retry-After and MS-* headers', async () => {
    upstream.handler = (_req, res) => {
      res.writeHead(429, {
        'content-type': 'application/json',
        'retry-after': '57',
        'ms-requestid': 'from-upstream',
        'ms-correlationid': 'c-1',
        'ms-cv': 'cv.1',
      });
      res.end('{"statusCode":429,"message":"Rate limit is exceeded. Try again in 57 seconds."}');
    };

    const answer = await proxy.send(ROUTE);

    expect(answer.status).toBe(429);
    expect(answer.headers).toMatchObject({
      'retry-after': '57',
      'ms-requestid': 'from-upstream',
      'ms-correlationid': 'c-1',
      'ms-cv': 'cv.1',
    });
    expect(answer.body).toContain('Rate limit is exceeded');
  });

  it('relays a non-JSON 500 as it is', async () => {
    upstream.handler = (_req, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<h1>Server Error</h1>');
    };

    const answer = await proxy.send(ROUTE);

    expect(answer.status).toBe(500);
    expect(answer.headers['content-type']).toBe('text/html');
    expect(answer.body).toBe('<h1>Server Error</h1>');
  });

  it('streams a large answer through intact', async () => {
    const big = JSON.stringify({ Value: Array.from({ length: 20_000 }, (_, id) => ({ id })) });
    upstream.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(big);
    };

    const answer = await proxy.send(ROUTE);

    expect(answer.body).toBe(big);
  });
});

describe('compression', () => {
  const big = JSON.stringify({
    Value: Array.from({ length: 2_000 }, (_, id) => ({ id, status: 'Won' })),
  });
  const serveBig = (headers: Record<string, string> = {}) => {
    upstream.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(big);
    };
  };

  it('answers with brotli when the browser accepts it, and says the answer varies by Accept-Encoding', async () => {
    serveBig();
    const answer = await proxy.send(ROUTE, {
      headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
    });

    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(brotliDecompressSync(answer.raw).toString('utf8')).toBe(big);
    expect(answer.raw.length).toBeLessThan(big.length / 5);
  });

  it('answers with gzip when the browser accepts only gzip', async () => {
    serveBig();
    const answer = await proxy.send(ROUTE, { headers: { 'accept-encoding': 'gzip' } });

    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(answer.raw).toString('utf8')).toBe(big);
  });

  it('answers uncompressed, still varying, when the browser accepts no coding', async () => {
    serveBig();
    const answer = await proxy.send(ROUTE, { headers: { 'accept-encoding': 'identity' } });

    expect(answer.headers).not.toHaveProperty('content-encoding');
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(answer.body).toBe(big);
  });

  it('never sends the browser an upstream coding it did not ask for: a gzipped upstream answer is re-encoded', async () => {
    const gzipped = gzipSync(big);
    upstream.handler = (_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': gzipped.length,
      });
      res.end(gzipped);
    };

    const plain = await proxy.send(ROUTE);
    expect(plain.headers).not.toHaveProperty('content-encoding');
    expect(plain.body).toBe(big);

    const br = await proxy.send(ROUTE, { headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.raw).toString('utf8')).toBe(big);
  });

  it('answers 502 to an upstream coding it cannot read rather than relay bytes the browser cannot read', async () => {
    upstream.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'compress' });
      res.end('not really compressed');
    };

    const answer = await proxy.send(ROUTE, { headers: { 'accept-encoding': 'br, gzip' } });

    expect(answer.status).toBe(502);
    expect(errorBody(answer)).toMatchObject({ code: 'UpstreamInvalidResponse' });
  });

  it('leaves tiny answers and non-text answers uncompressed', async () => {
    const tiny = await proxy.send(ROUTE, { headers: { 'accept-encoding': 'br' } });
    expect(tiny.headers).not.toHaveProperty('content-encoding');
    expect(tiny.body).toBe('{"Value":[],"TotalCount":0}');

    upstream.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': 2 });
      res.end('{}');
    };
    const sized = await proxy.send(ROUTE, { headers: { 'accept-encoding': 'br' } });
    expect(sized.headers).not.toHaveProperty('content-encoding');
    expect(sized.body).toBe('{}');

    const png = Buffer.alloc(4096, 7);
    upstream.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(png);
    };
    const image = await proxy.send(ROUTE, { headers: { 'accept-encoding': 'br' } });
    expect(image.headers).not.toHaveProperty('content-encoding');
    expect(image.raw.equals(png)).toBe(true);
  });

  it('compresses a large upstream error body too, keeping its status and Retry-After', async () => {
    const message = `{"statusCode":429,"message":"${'Rate limit is exceeded. '.repeat(80)}"}`;
    upstream.handler = (_req, res) => {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '57' });
      res.end(message);
    };

    const answer = await proxy.send(ROUTE, { headers: { 'accept-encoding': 'gzip' } });

    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBe('57');
    expect(gunzipSync(answer.raw).toString('utf8')).toBe(message);
  });

  it("leaves the proxy's own error bodies uncompressed", async () => {
    const answer = await proxy.send('/api/other', { headers: { 'accept-encoding': 'br' } });

    expect(answer.status).toBe(404);
    expect(answer.headers).not.toHaveProperty('content-encoding');
    expect(errorBody(answer)).toMatchObject({ code: 'NotFound' });
  });
});

describe('header filtering', () => {
  it('sends only Authorization, Accept, MS-RequestId, MS-CorrelationId and X-Locale upstream', async () => {
    await proxy.send(`${ROUTE}?top=1`, {
      headers: {
        Authorization: `Bearer ${TOKEN}`,
        Accept: 'application/json',
        'MS-RequestId': '0b5c8f5e-0a8e-4d59-a3a7-5c7b8a0f1d21',
        'MS-CorrelationId': '7d2b4e2a-8f43-4a51-9d8e-3f2a1c0b9e77',
        'X-Locale': 'en-GB',
        Cookie: 'session=abc; _session=def',
        Origin: 'https://localhost:5173',
        Referer: 'https://localhost:5173/?status=Won',
        'X-Forwarded-For': '10.0.0.1',
        'X-Forwarded-Host': 'evil.example',
        'X-Forwarded-Proto': 'http',
        Forwarded: 'for=10.0.0.1;host=evil.example',
        'X-Custom': 'nope',
        'Proxy-Authorization': 'Basic c2VjcmV0',
      },
    });

    const sent = upstream.requests[0]?.headers ?? {};
    expect(sent).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      accept: 'application/json',
      'ms-requestid': '0b5c8f5e-0a8e-4d59-a3a7-5c7b8a0f1d21',
      'ms-correlationid': '7d2b4e2a-8f43-4a51-9d8e-3f2a1c0b9e77',
      'x-locale': 'en-GB',
      host: new URL(upstreamUrl).host,
    });
    for (const dropped of [
      'cookie',
      'origin',
      'referer',
      'x-forwarded-for',
      'x-forwarded-host',
      'x-forwarded-proto',
      'forwarded',
      'x-custom',
      'proxy-authorization',
    ]) {
      expect(sent, dropped).not.toHaveProperty(dropped);
    }
  });

  it('gives each request an MS-RequestId when the browser sent none', async () => {
    const answer = await proxy.send(ROUTE);

    const sentId = upstream.requests[0]?.headers['ms-requestid'];
    expect(sentId).toMatch(/^[0-9a-f-]{36}$/);
    expect(proxy.logs[0]?.requestId).toBe(sentId);
    expect(answer.status).toBe(200);
  });

  it('returns only the content type, Retry-After and MS-* headers from upstream', async () => {
    upstream.handler = (_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'ms-requestid': 'r-1',
        'set-cookie': 'upstream=1; Path=/',
        'access-control-allow-origin': '*',
        'x-powered-by': 'Partner Center',
        server: 'Microsoft-IIS/10.0',
        'strict-transport-security': 'max-age=1',
        location: 'https://evil.example/',
      });
      res.end('{}');
    };

    const answer = await proxy.send(ROUTE);

    expect(answer.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'ms-requestid': 'r-1',
      'cache-control': 'no-store',
    });
    for (const dropped of [
      'set-cookie',
      'access-control-allow-origin',
      'x-powered-by',
      'server',
      'strict-transport-security',
      'location',
    ]) {
      expect(answer.headers, dropped).not.toHaveProperty(dropped);
    }
  });
});

describe('the allowlist', () => {
  it.each([
    '/api',
    '/api/',
    '/api/partner/v1/analytics/subscriptions',
    '/api/partner/v1/customers?size=10',
    '/API/partner/v1/analytics/referrals',
    '/Api/partner/v1/analytics/referrals?top=1',
    `${ROUTE}/`,
    `${ROUTE}/112310`,
    `${ROUTE};jsessionid=1`,
    `${ROUTE}%3Ftop=1`,
  ])('answers 404 for %s without contacting upstream', async (target) => {
    const answer = await proxy.send(target);

    expect(answer.status).toBe(404);
    expect(errorBody(answer)).toEqual({
      code: 'NotFound',
      description: expect.stringContaining('only GET /api/partner/v1/analytics/referrals'),
      data: [],
      source: 'ReferralLensProxy',
    });
    expect(upstream.requests).toEqual([]);
  });

  it.each(['/', '/index.html', '/apix', '/api-docs', '/oidc/auth?client_id=x', '/src/main.tsx'])(
    'leaves %s to the rest of the server',
    async (target) => {
      const answer = await proxy.send(target);

      expect(answer.status).toBe(299);
      expect(upstream.requests).toEqual([]);
      expect(proxy.logs).toEqual([]);
    },
  );
});

describe('encoded traversal and foreign hosts', () => {
  it.each([
    `${ROUTE}/..%2F..%2F..%2Fcustomers`,
    `${ROUTE}%2F..%2F..%2Fcustomers`,
    `${ROUTE}/%2e%2e/%2e%2e/customers`,
    `${ROUTE}/%2E%2E%2F%2E%2E%2Fcustomers`,
    `${ROUTE}/%252e%252e%252f%252e%252e%252fcustomers`,
    `${ROUTE}/%25252e%25252e%25252fcustomers`,
    `${ROUTE}\\..\\..\\customers`,
    `${ROUTE}%5c..%5c..%5ccustomers`,
    '/api/partner/v1/analytics/%72eferrals',
    '/%61pi/partner/v1/analytics/referrals',
    '/%2561pi/partner/v1/analytics/referrals',
    '/static/..%2Fapi/partner/v1/analytics/referrals',
    '/static/%2e%2e/api/partner/v1/analytics/referrals',
    '/static\\..\\api\\partner\\v1\\analytics\\referrals',
    '/static/..%255capi%255cpartner',
    '/api/partner/v1/analytics/referrals/%',
  ])('refuses %s without contacting upstream', async (target) => {
    const answer = await proxy.send(target);

    expect(answer.status).toBe(404);
    expect(errorBody(answer)).toMatchObject({ code: 'NotFound' });
    expect(upstream.requests).toEqual([]);
  });

  it.each([
    `http://evil.example${ROUTE}?top=1`,
    `https://evil.example:443${ROUTE}`,
    `UPSTREAM${ROUTE}`,
    `//evil.example${ROUTE}`,
    `//evil.example/`,
    `/%2F%2Fevil.example${ROUTE}`,
    `/%5C%5Cevil.example${ROUTE}`,
    '*',
  ])('answers 400 to the foreign target %s and connects nowhere', async (target) => {
    // UPSTREAM stands for the real upstream's origin: an absolute-form target naming it is refused too.
    const answer = await proxy.send(target.replace('UPSTREAM', upstreamUrl));

    expect(answer.status).toBe(400);
    expect(errorBody(answer)).toMatchObject({
      code: 'BadRequestTarget',
      source: 'ReferralLensProxy',
    });
    expect(upstream.requests).toEqual([]);
  });

  it('never forwards an authority-form target (Node itself refuses it)', async () => {
    const answer = await proxy.send('evil.example:443');

    expect(answer.status).toBe(400);
    expect(upstream.requests).toEqual([]);
  });
});

describe('methods', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'])(
    'answers 405 with Allow: GET to %s',
    async (method) => {
      const answer = await proxy.send(`${ROUTE}?top=1`, {
        method,
        headers: { Authorization: `Bearer ${TOKEN}` },
      });

      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe('GET');
      if (method !== 'HEAD') expect(errorBody(answer)).toMatchObject({ code: 'MethodNotAllowed' });
      expect(upstream.requests).toEqual([]);
    },
  );

  it('answers 404, not 405, to another method on an unknown /api path', async () => {
    const answer = await proxy.send('/api/partner/v1/customers', { method: 'POST' });

    expect(answer.status).toBe(404);
  });
});

describe('upstream failures', () => {
  it('answers 504 with the error body when the upstream does not answer in time', async () => {
    upstream.handler = () => {
      // Never answers.
    };
    await proxy.stop();
    await proxy.start({ upstream: upstreamUrl, timeoutMs: 300 });

    const started = performance.now();
    const answer = await proxy.send(ROUTE, { headers: { 'MS-RequestId': 'req-timeout-1' } });

    expect(answer.status).toBe(504);
    expect(errorBody(answer)).toEqual({
      code: 'UpstreamTimeout',
      description: expect.stringContaining('did not answer'),
      data: [],
      source: 'ReferralLensProxy',
    });
    expect(answer.headers['ms-requestid']).toBe('req-timeout-1');
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    expect(upstream.requests).toHaveLength(1);
  });

  it('answers 504 when the upstream sends headers but no body in time, before the answer is compressed', async () => {
    upstream.handler = (_req, res) => {
      // Headers, then nothing: the proxy is still reading the start of the body to decide on compression.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.flushHeaders();
    };
    await proxy.stop();
    await proxy.start({ upstream: upstreamUrl, timeoutMs: 300 });

    const answer = await proxy.send(ROUTE, { headers: { 'accept-encoding': 'br' } });

    expect(answer.status).toBe(504);
    expect(errorBody(answer)).toMatchObject({ code: 'UpstreamTimeout' });
  });

  it('answers 502 with the error body when the upstream cannot be reached', async () => {
    await upstream.stop();

    const answer = await proxy.send(ROUTE, { headers: { 'MS-RequestId': 'req-down-1' } });

    expect(answer.status).toBe(502);
    expect(errorBody(answer)).toMatchObject({ code: 'UpstreamUnreachable', data: [] });
    expect(answer.headers['ms-requestid']).toBe('req-down-1');
    upstream = new FakeUpstream();
  });

  it('does not follow an upstream redirect, so the token never travels elsewhere', async () => {
    const elsewhere = new FakeUpstream();
    const elsewhereUrl = await elsewhere.start();
    try {
      upstream.handler = (_req, res) => {
        res.writeHead(302, { location: `${elsewhereUrl}/steal` }).end();
      };

      const answer = await proxy.send(ROUTE, { headers: { Authorization: `Bearer ${TOKEN}` } });

      expect(answer.status).toBe(502);
      expect(errorBody(answer)).toMatchObject({ code: 'UpstreamInvalidResponse' });
      expect(elsewhere.requests).toEqual([]);
    } finally {
      await elsewhere.stop();
    }
  });

  it('stops waiting for the upstream when the browser goes away', async () => {
    let upstreamClosed = false;
    upstream.handler = (req) => {
      req.socket.on('close', () => (upstreamClosed = true));
    };
    await new Promise<void>((resolve) => {
      const req = request({ host: '127.0.0.1', port: proxy.port, path: ROUTE });
      req.on('error', () => resolve());
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 200);
      req.end();
    });

    await vi.waitFor(() => expect(upstreamClosed).toBe(true));
  });
});

describe('logging', () => {
  it('logs method, path, status, duration and request id: never the token or the query', async () => {
    await proxy.send(`${ROUTE}?filter=customerName%20eq%20'Contoso%20Ltd'`, {
      headers: { Authorization: `Bearer ${TOKEN}`, 'MS-RequestId': 'req-42' },
    });
    await proxy.send('/api/other', { headers: { Authorization: `Bearer ${TOKEN}` } });
    await proxy.send(ROUTE, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` } });

    expect(proxy.logs).toEqual([
      {
        method: 'GET',
        path: ROUTE,
        status: 200,
        durationMs: expect.any(Number),
        requestId: 'req-42',
      },
      {
        method: 'GET',
        path: '/api/other',
        status: 404,
        durationMs: expect.any(Number),
        requestId: expect.any(String),
      },
      {
        method: 'POST',
        path: ROUTE,
        status: 405,
        durationMs: expect.any(Number),
        requestId: expect.any(String),
      },
    ]);
    const logged = JSON.stringify(proxy.logs);
    expect(logged).not.toContain('secret-token');
    expect(logged).not.toContain('Bearer');
    expect(logged).not.toContain('Contoso');
  });

  it('writes no token to the console with the default logger, on success and on failure', async () => {
    const lines: string[] = [];
    const capture = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation(capture),
    );
    const quiet = createReferralsProxy({ upstream: upstreamUrl, timeoutMs: 200 });
    const server = createServer((req, res) => quiet(req, res, () => res.writeHead(299).end()));
    const port = await listen(server);
    try {
      const send = (path: string) =>
        fetch(`http://127.0.0.1:${port}${path}`, {
          headers: { Authorization: `Bearer ${TOKEN}`, 'MS-RequestId': 'req-7' },
        });
      await send(`${ROUTE}?top=1`);
      upstream.handler = () => {
        // Never answers, so the 504 path logs too.
      };
      await send(`${ROUTE}?top=2`);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      spies.forEach((spy) => spy.mockRestore());
    }

    expect(lines).toEqual([
      expect.stringMatching(
        /^GET \/api\/partner\/v1\/analytics\/referrals 200 \d+ ms request-id=req-7$/,
      ),
      expect.stringMatching(
        /^GET \/api\/partner\/v1\/analytics\/referrals 504 \d+ ms request-id=req-7$/,
      ),
    ]);
    expect(lines.join('\n')).not.toContain('secret-token');
  });
});
