import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; `onStdout` may stop it (it gets the output so far and the child). */
function runCli(args: string[], onStdout?: (text: string, stop: () => void) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      onStdout?.(stdout, () => child.kill('SIGTERM'));
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm run sandbox', () => {
  it('exits with code 2 and names the bad option', async () => {
    const run = await runCli(['--count', 'many']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--count must be a whole number from 0 to 500000, got 'many'");
  }, 30_000);

  it('exits with code 2 when auth is on and the keys cannot be read', async () => {
    const run = await runCli(['--jwks-file', '/nonexistent/keys.json', '--port', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--auth on needs the identity provider's keys: cannot read/);
  }, 30_000);

  it('serves, prints where and how to call it, and stops cleanly on SIGTERM', async () => {
    let answer: { status: number; total: unknown } | undefined;
    let asked = false;
    const run = await runCli(
      ['--port', '0', '--auth', 'off', '--count', '200', '--anchor-date', '2026-03-01'],
      (text, stop) => {
        const url =
          /curl '(http:\/\/127\.0\.0\.1:\d+\/partner\/v1\/analytics\/referrals)\?top=5'/.exec(
            text,
          )?.[1];
        if (!url || asked) return;
        asked = true;
        fetch(`${url}?top=1`)
          .then(async (response) => {
            answer = {
              status: response.status,
              total: ((await response.json()) as { TotalCount: unknown }).TotalCount,
            };
          })
          .finally(stop);
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /Sandbox Partner Center API at http:\/\/127\.0\.0\.1:\d+\/partner\/v1\/analytics\/referrals/,
    );
    expect(run.stderr).toMatch(/SANDBOX AUTH IS OFF/);
    expect(answer).toEqual({ status: 200, total: 200 });
  }, 30_000);
});
