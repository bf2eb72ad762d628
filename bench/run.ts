// `npm run bench [-- name ...] [-- --strict]`: runs each bench module in turn and prints its figures against their
// targets. Timing goals live here, never in tests. With --strict a missed target makes the exit code 1.
import type { BenchModule, Figure } from './figures';

/** Add a bench module with one line here. */
const BENCHES: Record<string, () => Promise<BenchModule>> = {
  sandbox: () => import('./sandbox'),
  proxy: () => import('./proxy'),
  charts: () => import('./charts'),
  'partner-center': () => import('./partner-center'),
  referrals: () => import('./referrals'),
  revisit: () => import('./revisit'),
  requests: () => import('./requests'),
  xlsx: () => import('./xlsx'),
};

function format(figure: Figure): string {
  // A ratio near its target needs two decimals: 1.15 is not 1.2.
  const decimals = figure.value >= 100 ? 0 : figure.unit === 'x' ? 2 : 1;
  const value = figure.value.toFixed(decimals);
  const target = figure.target === undefined ? '' : `target <= ${figure.target} ${figure.unit}`;
  const verdict =
    figure.target === undefined ? '' : figure.value <= figure.target ? 'ok' : 'MISSED';
  return `  ${figure.label.padEnd(52)} ${value.padStart(8)} ${figure.unit.padEnd(4)} ${target.padEnd(22)} ${verdict}`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const strict = args.includes('--strict');
  const names = args.filter((arg) => !arg.startsWith('--'));
  const unknown = names.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) {
    console.error(
      `bench: unknown bench ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`,
    );
    process.exit(2);
  }
  const missed: string[] = [];
  let failed = false;
  for (const name of names.length > 0 ? names : Object.keys(BENCHES)) {
    console.log(`\n${name}`);
    try {
      const bench = await (BENCHES[name] as () => Promise<BenchModule>)();
      for (const figure of await bench.run()) {
        console.log(format(figure));
        if (figure.target !== undefined && !(figure.value <= figure.target))
          missed.push(`${name}: ${figure.label}`);
      }
    } catch (error) {
      failed = true;
      console.error(
        `  failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
  }
  console.log(
    missed.length === 0
      ? '\nAll targets met.'
      : `\nMissed targets:\n${missed.map((m) => `  ${m}`).join('\n')}`,
  );
  if (failed || (strict && missed.length > 0)) process.exitCode = 1;
}

await main();
