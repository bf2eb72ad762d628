import { SandboxOptionError } from './sandbox/index';
import { CONFIG_ERROR_EXIT_CODE, ConfigError } from './config';

/**
 * Ends a failed `npm start` / `npm run serve` with a message a newcomer can act on: settings
 * problems exit with code 2, anything else (a busy port, a crash) with 1.
 */
export function exitForStartupError(error: unknown, port: number | undefined): never {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(CONFIG_ERROR_EXIT_CODE);
  }
  if (error instanceof SandboxOptionError) {
    console.error(`Referral Lens cannot start the sandbox: ${error.message}`);
    process.exit(CONFIG_ERROR_EXIT_CODE);
  }
  if (isPortInUse(error)) {
    console.error(
      `Referral Lens cannot start: port ${port ?? ''} is already in use. Stop the program using it, ` +
        'or choose another port with PORT=<number> (SANDBOX_PORT for the sandbox API).',
    );
    process.exit(1);
  }
  console.error('Referral Lens could not start:', error);
  process.exit(1);
}

function isPortInUse(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    ('code' in error && error.code === 'EADDRINUSE') ||
    /port \d+ is already in use/i.test(error.message)
  );
}
