import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { readControlBody } from './control-body';
import { FAULTS_DISABLED } from './faults';
import { PROFILE_NAMES, ProfileOptionError, resolveProfile, type ResolvedProfile } from './profile';
import { sendError, sendJson } from './responses';

/** The control endpoint's body; unknown keys are typos, so refused. Ranges are checked by resolveProfile. */
const profileBodySchema = z.strictObject({
  profile: z.enum(PROFILE_NAMES),
  latencySeed: z.number().optional(),
  latencyScale: z.number().optional(),
  throttleBurst: z.number().optional(),
  throttleRefillPerSecond: z.number().optional(),
});

const BODY_EXAMPLE =
  '{ "profile": "partner-center", "latencyScale"?: 0.05, "throttleBurst"?: 4, "throttleRefillPerSecond"?: 2, "latencySeed"?: 1 }';

export interface ProfileControl {
  /** Faults allowed: the same switch guards the profile, since both exist for tests and benches. */
  enabled: boolean;
  dataSeed: number;
  current(): ResolvedProfile;
  /** Puts a profile in use with fresh buckets; undefined: the one the sandbox started with. */
  use(settings: ResolvedProfile | undefined): ResolvedProfile;
}

/**
 * `/_sandbox/profile`: GET the profile in use; PUT another (fresh buckets, so each test or bench load starts
 * alike); DELETE goes back to the one the sandbox started with. Lets one e2e server run a test under the
 * partner-center profile while the others keep the fast default.
 */
export async function handleProfileControl(
  req: IncomingMessage,
  res: ServerResponse,
  control: ProfileControl,
): Promise<void> {
  if (!control.enabled) return sendError(req, res, 403, FAULTS_DISABLED);
  switch (req.method) {
    case 'GET':
      return sendJson(req, res, 200, control.current());
    case 'DELETE':
      return sendJson(req, res, 200, control.use(undefined));
    case 'PUT':
      break;
    default:
      return sendError(req, res, 405, `${req.method ?? 'This method'} is not allowed here`, {
        Allow: 'GET, PUT, DELETE',
      });
  }
  const body = await readControlBody(req, res, profileBodySchema, {
    example: BODY_EXAMPLE,
    what: 'profile',
  });
  if (body === undefined) return;
  const { profile: name, ...tuning } = body;
  let settings: ResolvedProfile;
  try {
    settings = resolveProfile({ name, ...tuning }, control.dataSeed);
  } catch (error) {
    if (error instanceof ProfileOptionError) {
      return sendError(req, res, 400, `Invalid profile: ${error.option} ${error.message}`);
    }
    throw error;
  }
  sendJson(req, res, 200, control.use(settings));
}
