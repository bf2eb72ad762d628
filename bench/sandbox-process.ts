// The sandbox under measurement, in its own process so the client's work never shares its event loop.
// Started by bench/sandbox.ts over IPC: argv[2] is the referral count.
import { startSandbox } from '../server/sandbox/index';

const count = Number(process.argv[2]);
const started = performance.now();
// Auth is off for measurements (bench/sandbox.ts says so); the log function keeps the warning out of the figures.
const sandbox = await startSandbox({
  auth: 'off',
  count,
  seed: 1,
  anchorDate: '2026-03-01',
  log: () => {},
});
const startSandboxMs = performance.now() - started;
// performance.now() counts from process start: Node, the TypeScript loader and module loading included.
const sinceProcessStartMs = performance.now();

// CPU time is what the sandbox itself costs; wall time also counts waiting for a busy machine's cores.
const cpu = process.cpuUsage();
const cpuMs = (cpu.user + cpu.system) / 1000;

process.send?.({ type: 'ready', url: sandbox.url, startSandboxMs, sinceProcessStartMs, cpuMs });
process.on('message', (message: unknown) => {
  if (message === 'memory') process.send?.({ type: 'memory', memory: process.memoryUsage() });
  if (message === 'stop') void sandbox.close().then(() => process.exit(0));
});
