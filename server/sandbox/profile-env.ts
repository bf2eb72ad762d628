// The sandbox profile's settings for `npm start` and `npm run serve` (server/config.ts), as .env.example documents
// them. Each problem names its setting, as the rest of the configuration does.
import {
  MAX_LATENCY_SCALE,
  MAX_THROTTLE_BURST,
  MAX_THROTTLE_REFILL,
  MIN_THROTTLE_REFILL,
  PROFILE_NAMES,
  type ProfileOptions,
} from './profile';

export type { ProfileOptions } from './profile';

type Env = Readonly<Record<string, string | undefined>>;

const TUNING = {
  SANDBOX_LATENCY_SEED: 'latencySeed',
  SANDBOX_LATENCY_SCALE: 'latencyScale',
  SANDBOX_THROTTLE_BURST: 'throttleBurst',
  SANDBOX_THROTTLE_REFILL: 'throttleRefillPerSecond',
} as const;

const RANGES: Record<keyof typeof TUNING, { min: number; max: number; whole: boolean }> = {
  SANDBOX_LATENCY_SEED: { min: 0, max: 0xffffffff, whole: true },
  SANDBOX_LATENCY_SCALE: { min: 0, max: MAX_LATENCY_SCALE, whole: false },
  SANDBOX_THROTTLE_BURST: { min: 1, max: MAX_THROTTLE_BURST, whole: true },
  SANDBOX_THROTTLE_REFILL: { min: MIN_THROTTLE_REFILL, max: MAX_THROTTLE_REFILL, whole: false },
};

/** Reads SANDBOX_PROFILE and its tuning; adds a problem naming each bad setting to `problems`. */
export function sandboxProfileFromEnv(env: Env, problems: string[]): ProfileOptions {
  const text = (name: string) => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const name = text('SANDBOX_PROFILE');
  if (name !== undefined && !(PROFILE_NAMES as readonly string[]).includes(name)) {
    problems.push(`SANDBOX_PROFILE: must be ${PROFILE_NAMES.join(' or ')}, got "${name}"`);
    return {};
  }
  const settings = Object.keys(TUNING) as (keyof typeof TUNING)[];
  if (name !== 'partner-center') {
    for (const setting of settings) {
      if (text(setting) !== undefined) {
        problems.push(`${setting}: applies only with SANDBOX_PROFILE=partner-center`);
      }
    }
    return name === undefined ? {} : { name: 'fast' };
  }
  const options: ProfileOptions = { name };
  for (const setting of settings) {
    const value = text(setting);
    if (value === undefined) continue;
    const { min, max, whole } = RANGES[setting];
    const number = Number(value);
    const pattern = whole ? /^\d+$/ : /^(\d+(\.\d*)?|\.\d+)$/;
    if (!pattern.test(value) || number < min || number > max) {
      problems.push(
        `${setting}: must be ${whole ? 'a whole number' : 'a number'} from ${min} to ${max}`,
      );
      continue;
    }
    options[TUNING[setting]] = number;
  }
  return options;
}
