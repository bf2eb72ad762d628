// Analytics proxy overhead: the same requests sent straight to a stand-in upstream and through
// createReferralsProxy (plain http on loopback, keep-alive), for a small answer and a 10,000-row
// page. The difference is what the proxy adds per request.
import { Agent, createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REFERRALS_PATH } from '../src/lib/referrals/schema';
import { createReferralsProxy } from '../server/proxy/referrals-proxy';
import { percentile, type Figure } from './figures';

const SMALL_BODY = JSON.stringify({ Value: [{ id: '1', status: 'Won' }], TotalCount: 1 });
// About the size of a full page (top=10000) of referrals.
const LARGE_BODY = JSON.stringify({
  Value: Array.from({ length: 10_000 }, (_, i) => ({
    id: String(100_000 + i),
    status: 'Accepted',
    customerMarket: 'US',
    customerName: `Customer ${i} Holdings Ltd`,
    customerOrgSize: '51to250employees',
    createdDate: '2026-01-05T10:11:12',
    acknowledgedDate: '2026-01-06T10:11:12',
    acceptedDate: '2026-01-07T10:11:12',
    declinedDate: null,
    expiredDate: null,
    lostDate: null,
    missedDate: null,
    skippedDate: null,
    wonDate: null,
    archivedDate: null,
    partnerMarket: 'GB',
  })),
  TotalCount: 10_000,
});

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function timeGet(url: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    get(
      url,
      { agent, headers: { authorization: 'Bearer bench', accept: 'application/json' } },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(performance.now() - started)
            : reject(new Error(`status ${res.statusCode}`)),
        );
      },
    ).on('error', reject);
  });
}

async function samples(url: string, count: number): Promise<number[]> {
  for (let i = 0; i < 5; i += 1) await timeGet(url);
  const taken: number[] = [];
  for (let i = 0; i < count; i += 1) taken.push(await timeGet(url));
  return taken;
}

export async function run(): Promise<Figure[]> {
  const upstream = createServer((req, res) => {
    const large = req.url?.includes('top=10000') ?? false;
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(large ? LARGE_BODY : SMALL_BODY);
  });
  const upstreamUrl = await listen(upstream);
  const proxy = createReferralsProxy({ upstream: upstreamUrl, log: () => undefined });
  const front = createServer((req, res) => proxy(req, res, () => res.writeHead(404).end()));
  const frontUrl = await listen(front);
  try {
    const direct = (query: string) => `${upstreamUrl}${REFERRALS_PATH}?${query}`;
    const proxied = (query: string) => `${frontUrl}/api${REFERRALS_PATH}?${query}`;
    const smallDirect = await samples(direct('top=1'), 300);
    const smallProxied = await samples(proxied('top=1'), 300);
    const largeDirect = await samples(direct('top=10000'), 30);
    const largeProxied = await samples(proxied('top=10000'), 30);
    const added = (through: number[], straight: number[], p: number) =>
      Math.max(0, percentile(through, p) - percentile(straight, p));
    return [
      {
        label: 'small answer, straight to upstream, p50',
        value: percentile(smallDirect, 50),
        unit: 'ms',
      },
      {
        label: 'small answer, through the proxy, p50',
        value: percentile(smallProxied, 50),
        unit: 'ms',
      },
      {
        label: 'added by the proxy, small answer, p50',
        value: added(smallProxied, smallDirect, 50),
        unit: 'ms',
        target: 5,
      },
      {
        label: 'added by the proxy, small answer, p95',
        value: added(smallProxied, smallDirect, 95),
        unit: 'ms',
        target: 10,
      },
      {
        label: `10,000-row page (${(LARGE_BODY.length / 1024 / 1024).toFixed(1)} MB), straight, p50`,
        value: percentile(largeDirect, 50),
        unit: 'ms',
      },
      {
        label: '10,000-row page, through the proxy, p50',
        value: percentile(largeProxied, 50),
        unit: 'ms',
      },
      {
        label: 'added by the proxy, 10,000-row page, p50',
        value: added(largeProxied, largeDirect, 50),
        unit: 'ms',
        target: 50,
      },
    ];
  } finally {
    agent.destroy();
    await close(front);
    await close(upstream);
  }
}
