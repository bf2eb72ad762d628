// The servers the benches measure, each in its own process so the bench's own work never shares their event loop.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface SandboxReady {
  type: 'ready';
  url: string;
  startSandboxMs: number;
  sinceProcessStartMs: number;
  cpuMs: number;
}

export interface SandboxProcess {
  child: ChildProcess;
  ready: SandboxReady;
  spawnToReadyMs: number;
}

export function nextMessage<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type?: string }) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as T);
    };
    const onExit = (code: number | null) =>
      reject(new Error(`the sandbox process exited (${code})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** bench/sandbox-process.ts: the sandbox API alone, auth off, `count` referrals. */
export async function startSandboxProcess(count: number): Promise<SandboxProcess> {
  const started = performance.now();
  const child = fork(
    fileURLToPath(new URL('./sandbox-process.ts', import.meta.url)),
    [String(count)],
    {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const ready = await nextMessage<SandboxReady>(child, 'ready');
  return { child, ready, spawnToReadyMs: performance.now() - started };
}

export async function stopSandboxProcess({ child }: SandboxProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send('stop');
  await exited;
}

/** A port free right now, so a bench never collides with someone's running app or test server. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, 'localhost', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface BuiltApp {
  child: ChildProcess;
  baseUrl: string;
  /** The sandbox API's own address, where its profile control answers (only with `profile` set). */
  sandboxUrl: string | undefined;
}

export interface BuiltAppSandbox {
  /** A fixed delay before every sandbox answer (SANDBOX_LATENCY_MS). */
  latencyMs?: number;
  /** SANDBOX_PROFILE; partner-center also turns the sandbox's control endpoints on, to reset its buckets. */
  profile?: 'partner-center';
}

/**
 * `npm run serve` of the build in `distDir`, in sandbox mode (seed 7, `count` referrals, and the given latency
 * or profile), on a free port.
 */
export async function startBuiltApp(
  distDir: string,
  count: number,
  { latencyMs = 0, profile }: BuiltAppSandbox = {},
): Promise<BuiltApp> {
  const port = await freePort();
  // A known port for the sandbox's profile control; otherwise any free one.
  const sandboxPort = profile ? await freePort() : 0;
  const baseUrl = `https://localhost:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/serve.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      REFERRAL_LENS_MODE: 'sandbox',
      REFERRAL_LENS_DIST_DIR: distDir,
      PORT: String(port),
      HOST: 'localhost',
      SANDBOX_PORT: String(sandboxPort),
      SANDBOX_SEED: '7',
      SANDBOX_COUNT: String(count),
      SANDBOX_LATENCY_MS: String(latencyMs),
      ...(profile ? { SANDBOX_PROFILE: profile, SANDBOX_ALLOW_FAULTS: '1' } : {}),
    },
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`${baseUrl}/`)) {
        const sandboxUrl = profile ? `http://127.0.0.1:${sandboxPort}` : undefined;
        resolve({ child, baseUrl, sandboxUrl });
      }
    });
    child.once('exit', (code) => reject(new Error(`the app server exited (${code}): ${output}`)));
  });
}
