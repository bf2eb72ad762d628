// `npm run sandbox -- --port 7071 ...`: the sandbox API on its own. Bad options exit with code 2.
import { join } from 'node:path';
import type { JSONWebKeySet } from 'jose';
import { API_RESOURCE, REFERRALS_PATH } from '../../src/lib/referrals/schema';
import { DEFAULT_SECRETS_DIR, SIGNING_KEY_FILE } from '../local-secrets';
import { isLoopback, parseCliArgs, USAGE, type CliOptions } from './cli-args';
import { SandboxOptionError, startSandbox } from './index';
import { readJwksFile } from './jwks-file';

const BAD_OPTIONS = 2;

function fail(message: string, code: number): never {
  console.error(`sandbox: ${message}`);
  if (code === BAD_OPTIONS) console.error('Run `npm run sandbox -- --help` for the options.');
  process.exit(code);
}

async function trustedKeys(options: CliOptions): Promise<JSONWebKeySet> {
  const path = options.jwksFile ?? join(DEFAULT_SECRETS_DIR, SIGNING_KEY_FILE);
  try {
    return await readJwksFile(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const hint =
      options.jwksFile === undefined
        ? "Run `npm start` once to create the local identity provider's key, pass --jwks-file, or use --auth off."
        : "Pass a JWKS or JWK file with the identity provider's public key.";
    return fail(`--auth on needs the identity provider's keys: ${reason}. ${hint}`, BAD_OPTIONS);
  }
}

async function main(): Promise<void> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if (parsed.kind === 'help') {
    console.log(USAGE);
    return;
  }
  if (parsed.kind === 'error') fail(parsed.message, BAD_OPTIONS);
  const { options } = parsed;
  const auth =
    options.auth === 'off'
      ? ('off' as const)
      : { issuer: options.issuer, jwks: await trustedKeys(options) };
  if (!isLoopback(options.host)) {
    console.warn(`sandbox: listening on ${options.host} exposes the API beyond this machine.`);
  }

  let sandbox;
  try {
    sandbox = await startSandbox({
      host: options.host,
      port: options.port,
      seed: options.seed,
      count: options.count,
      anchorDate: options.anchorDate,
      auth,
      latencyMs: options.latencyMs,
      profile: options.profile,
      failRate: options.failRate,
      throttleRate: options.throttleRate,
      allowFaults: options.allowFaults,
      log: true,
    });
  } catch (error) {
    if (error instanceof SandboxOptionError) fail(error.message, BAD_OPTIONS);
    if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
      fail(`port ${options.port} on ${options.host} is in use: pick another with --port`, 1);
    }
    throw error;
  }

  const endpoint = `${sandbox.url}${REFERRALS_PATH}`;
  console.log('\nTry it:');
  if (auth === 'off') {
    console.log(`  curl '${endpoint}?top=5'`);
    console.log(`  curl '${endpoint}?groupby=status'`);
  } else {
    console.log(`  curl -H "Authorization: Bearer $TOKEN" '${endpoint}?top=5'`);
    console.log(`  (a token from ${options.issuer} for ${API_RESOURCE}, scp user_impersonation)`);
  }
  console.log('Press Ctrl+C to stop.');

  const stop = () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
