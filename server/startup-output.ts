import { DEFAULT_SECRETS_DIR, CERT_FILE } from './local-secrets';
import { usesLocalCertificate, type AppRuntime, type RuntimeLog } from './app-runtime';
import { join } from 'node:path';

/**
 * Holds informational lines back until the app's URL has been printed, so the URL is the first
 * thing a newcomer sees; errors are never held.
 */
export class StartupLog implements RuntimeLog {
  private pending: string[] | null = [];

  constructor(
    private readonly write: (line: string) => void = (line) => console.log(line),
    private readonly writeError: (line: string) => void = (line) => console.error(line),
  ) {}

  readonly info = (line: string): void => {
    if (this.pending) this.pending.push(line);
    else this.write(line);
  };

  readonly error = (line: string): void => {
    this.writeError(line);
  };

  /** Prints what was held and lets later lines through. */
  release(): void {
    const held = this.pending ?? [];
    this.pending = null;
    held.forEach((line) => this.write(line));
  }
}

/** The first lines `npm start` and `npm run serve` print: the URL, then the certificate note. */
export function startupBanner(runtime: Pick<AppRuntime, 'url' | 'settings'>): string[] {
  const lines = [`Referral Lens (${runtime.settings.mode} mode): ${runtime.url}`];
  if (usesLocalCertificate(runtime.settings)) {
    lines.push(
      `  Your browser warns once about this certificate: it was made on this machine ` +
        `(${join(DEFAULT_SECRETS_DIR, CERT_FILE)}). Accept it, or trust that file (see README, "The local certificate").`,
    );
  }
  return lines;
}
