import { SANDBOX_URL } from './environment';

export interface FaultRule {
  status: 401 | 403 | 429 | 500 | 503;
  /** How many matching API requests fail (default 1). */
  times?: number;
  /** Only requests whose query string contains this text. */
  match?: string;
  /** Seconds for the Retry-After header (429, 503). */
  retryAfter?: number;
  /** With 401 or 403: Partner Center's refusal of a sign-in without multifactor authentication. */
  mfa?: boolean;
}

/**
 * The sandbox's fault control on its own port (the proxy forwards no test headers): queued faults
 * answer the next matching API requests. Needs SANDBOX_ALLOW_FAULTS=1, which the e2e server sets.
 */
export const sandboxFaults = {
  async add(rule: FaultRule): Promise<void> {
    const response = await fetch(`${SANDBOX_URL}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(rule),
    });
    if (response.status !== 201) {
      throw new Error(
        `Could not queue a sandbox fault (${response.status}): ${await response.text()}`,
      );
    }
  },

  async clear(): Promise<void> {
    const response = await fetch(`${SANDBOX_URL}/_sandbox/faults`, { method: 'DELETE' });
    if (!response.ok) throw new Error(`Could not clear sandbox faults (${response.status})`);
  },
};
