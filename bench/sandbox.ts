// Sandbox API figures for 100,000 referrals (and grouping at 30,000), measured over HTTP on loopback against a
// sandbox in a child process with auth off: start-up, memory, page and grouped query latencies.
import { Agent, get } from 'node:http';
import { REFERRALS_PATH } from '../src/lib/referrals/schema';
import { generateReferrals } from '../server/sandbox/data/generate';
import { executeReferralsQuery, prepareDataset } from '../server/sandbox/engine';
import { createBodySerializer } from '../server/sandbox/serialize';
import { percentile, type Figure } from './figures';
import {
  nextMessage,
  startSandboxProcess,
  stopSandboxProcess,
  type SandboxProcess,
} from './processes';

const MB = 1024 * 1024;
const WARM_UP = 3;

async function memoryOf({ child }: SandboxProcess): Promise<NodeJS.MemoryUsage> {
  const reply = nextMessage<{ memory: NodeJS.MemoryUsage }>(child, 'memory');
  child.send('memory');
  return (await reply).memory;
}

// node:http rather than fetch: the figures are the server's, and fetch's own cost on a 4 MB body is not.
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function request(url: string): Promise<{ status: number; bytes: number; text: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (response) => {
      let bytes = 0;
      const kept: Buffer[] = [];
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (response.statusCode !== 200) kept.push(chunk);
      });
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          bytes,
          text: Buffer.concat(kept).toString('utf8'),
        }),
      );
      response.on('error', reject);
    }).on('error', reject);
  });
}

/** Milliseconds from request to the last byte of the answer, for each query after `warmUp` unmeasured requests. */
async function time(
  base: string,
  queries: readonly string[],
  warmUp: readonly string[] = queries.slice(0, WARM_UP),
): Promise<{ samples: number[]; bytes: number }> {
  const samples: number[] = [];
  let bytes = 0;
  for (const [index, query] of [...warmUp, ...queries].entries()) {
    const started = performance.now();
    const answer = await request(`${base}${REFERRALS_PATH}?${query}`);
    const elapsed = performance.now() - started;
    if (answer.status !== 200)
      throw new Error(`${query} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
    if (index >= warmUp.length) {
      samples.push(elapsed);
      bytes = answer.bytes;
    }
  }
  return { samples, bytes };
}

/** p50 (with its target) and p95 of some latencies. */
function latency(label: string, samples: readonly number[], target?: number): Figure[] {
  return [
    { label: `${label} p50`, value: percentile(samples, 50), unit: 'ms', target },
    { label: `${label} p95`, value: percentile(samples, 95), unit: 'ms' },
  ];
}

const repeat = (count: number, query: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => query(i));

const GROUPED = 'groupby=status,createdDate&aggregationLevel=week';

/** A different literal each time, so every request parses, checks and compiles its filter afresh. */
function threeClauseFilter(i: number): string {
  const since = new Date(Date.UTC(2024, 5, 1) + i * 86_400_000).toISOString().slice(0, 10);
  const filter = `customerMarket ne 'US' and createdDate ge '${since}' and contains(customerName,'o')`;
  return `filter=${encodeURIComponent(filter)}&groupby=status,customerMarket`;
}

async function measureLarge(figures: Figure[]): Promise<void> {
  const large = await startSandboxProcess(100_000);
  try {
    const base = large.ready.url;
    figures.push(
      {
        label: '100k: startSandbox (generate, index, listen)',
        value: large.ready.startSandboxMs,
        unit: 'ms',
      },
      {
        label: '100k: process start to listening',
        value: large.ready.sinceProcessStartMs,
        unit: 'ms',
        target: 2000,
      },
      {
        label: '100k: spawn to ready, seen by the parent',
        value: large.spawnToReadyMs,
        unit: 'ms',
      },
      {
        label: '100k: CPU time from process start to listening',
        value: large.ready.cpuMs,
        unit: 'ms',
      },
    );
    const cold = await time(base, [GROUPED], []);
    figures.push({
      label: '100k: first grouped query after start',
      value: cold.samples[0] ?? NaN,
      unit: 'ms',
    });

    // The sandbox encodes every row in the background after it starts listening (server/sandbox/serialize.ts);
    // a partner's first page comes after sign-in, seconds later. Give it that time, then ask for pages not yet sent.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const jitWarmUp = repeat(WARM_UP, () => 'top=100');
    const firstSent = await time(
      base,
      repeat(9, (i) => `top=10000&skip=${(i + 1) * 10000}`),
      jitWarmUp,
    );
    const sentBefore = await time(
      base,
      repeat(30, (i) => `top=10000&skip=${(i % 9) * 10000}`),
    );
    figures.push(
      ...latency('100k: page of 10,000 rows, first request,', firstSent.samples, 40),
      ...latency('100k: page of 10,000 rows, sent before,', sentBefore.samples, 40),
      { label: '100k: page of 10,000 rows, size', value: sentBefore.bytes / MB, unit: 'MB' },
    );
    const grouped = await time(
      base,
      repeat(40, () => GROUPED),
    );
    figures.push(...latency('100k: groupby status,createdDate week', grouped.samples, 30));
    const filtered = await time(base, repeat(40, threeClauseFilter));
    figures.push(...latency('100k: three-clause filter + groupby', filtered.samples, 30));
    const memory = await memoryOf(large);
    figures.push(
      { label: '100k: RSS after the queries', value: memory.rss / MB, unit: 'MB' },
      { label: '100k: heap used after the queries', value: memory.heapUsed / MB, unit: 'MB' },
    );
  } finally {
    await stopSandboxProcess(large);
  }
}

async function measureMedium(figures: Figure[]): Promise<void> {
  const medium = await startSandboxProcess(30_000);
  try {
    const grouped = await time(
      medium.ready.url,
      repeat(40, () => GROUPED),
    );
    figures.push(...latency('30k: groupby status,createdDate week', grouped.samples, 10));
  } finally {
    await stopSandboxProcess(medium);
  }
}

/**
 * The server's own work per answer (engine and serialisation, no HTTP) in CPU time, which other processes on a
 * shared machine barely change, unlike wall-clock latency.
 */
function measureServerCpu(figures: Figure[]): void {
  const cpuMs = (before: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  };
  let before = process.cpuUsage();
  const rows = generateReferrals({ seed: 1, count: 100_000, anchor: Date.UTC(2026, 2, 1) });
  figures.push({ label: 'server CPU, generate 100k referrals', value: cpuMs(before), unit: 'ms' });
  before = process.cpuUsage();
  const dataset = prepareDataset(rows);
  figures.push({
    label: 'server CPU, prepareDataset (engine) 100k',
    value: cpuMs(before),
    unit: 'ms',
  });
  const serialize = createBodySerializer();
  const cpuOf = (query: string): number => {
    const started = process.cpuUsage();
    serialize(executeReferralsQuery(dataset, new URLSearchParams(query)).body).release();
    return cpuMs(started);
  };
  const cpu = (label: string, queries: string[], warmUp = queries.slice(0, WARM_UP)) => {
    for (const query of warmUp) cpuOf(query);
    const samples = queries.map(cpuOf);
    figures.push({ label: `server CPU, ${label} p50`, value: percentile(samples, 50), unit: 'ms' });
  };
  // Warmed up on the first rows only, so every measured page is sent for the first time.
  cpu(
    '100k page, first sent',
    repeat(9, (i) => `top=10000&skip=${(i + 1) * 10000}`),
    repeat(WARM_UP, (i) => `top=100&skip=${i * 100}`),
  );
  cpu(
    '100k page, sent before',
    repeat(20, (i) => `top=10000&skip=${(i % 10) * 10000}`),
  );
  cpu(
    '100k groupby status,createdDate week',
    repeat(20, () => GROUPED),
  );
  cpu(
    '100k three-clause filter + groupby',
    repeat(20, (i) => threeClauseFilter(i + 100)),
  );
}

export async function run(): Promise<Figure[]> {
  console.log(
    '  (sandbox in a child process, auth off, seed 1, anchor 2026-03-01; HTTP on loopback)',
  );
  const figures: Figure[] = [];
  await measureLarge(figures);
  await measureMedium(figures);
  agent.destroy();
  measureServerCpu(figures);
  return figures;
}
