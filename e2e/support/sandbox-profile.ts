import { SANDBOX_URL } from './environment';

export interface PartnerCenterProfile {
  profile: 'partner-center';
  /** Multiplies the latency model (1 = median 800 ms); throttling is never scaled. */
  latencyScale?: number;
  throttleBurst?: number;
  throttleRefillPerSecond?: number;
  latencySeed?: number;
}

/**
 * The sandbox's profile control on its own port (needs SANDBOX_ALLOW_FAULTS=1, which the e2e
 * server sets): one test runs under the partner-center profile while the others keep the fast
 * default. Each `use` starts with full token buckets.
 */
export const sandboxProfile = {
  async use(profile: PartnerCenterProfile): Promise<void> {
    const response = await fetch(`${SANDBOX_URL}/_sandbox/profile`, {
      method: 'PUT',
      body: JSON.stringify(profile),
    });
    if (!response.ok) {
      throw new Error(
        `Could not set the sandbox profile (${response.status}): ${await response.text()}`,
      );
    }
  },

  /** Back to the profile the server started with (fast, in e2e runs). */
  async reset(): Promise<void> {
    const response = await fetch(`${SANDBOX_URL}/_sandbox/profile`, { method: 'DELETE' });
    if (!response.ok) throw new Error(`Could not reset the sandbox profile (${response.status})`);
  },
};
