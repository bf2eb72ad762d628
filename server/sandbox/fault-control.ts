import type { IncomingMessage, ServerResponse } from 'node:http';
import { FAULTS_DISABLED, faultRuleSchema, type FaultInjector } from './faults';
import { sendError, sendJson } from './responses';

export const MAX_BODY_BYTES = 4096;

export class BodyTooLarge extends Error {}

/** A small request body as text; rejects with BodyTooLarge past MAX_BODY_BYTES. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * `/_sandbox/faults`: queue faults for later API requests (end-to-end tests go through the app's proxy, which
 * forwards no test headers), list them, or clear them. Refused unless the sandbox was started with faults allowed.
 */
export async function handleFaultControl(
  req: IncomingMessage,
  res: ServerResponse,
  faults: FaultInjector,
  enabled: boolean,
): Promise<void> {
  if (!enabled) return sendError(req, res, 403, FAULTS_DISABLED);
  switch (req.method) {
    case 'GET':
      return sendJson(req, res, 200, { rules: faults.listRules() });
    case 'DELETE':
      faults.clearRules();
      return sendJson(req, res, 200, { rules: [] });
    case 'POST':
      break;
    default:
      return sendError(req, res, 405, `${req.method ?? 'This method'} is not allowed here`, {
        Allow: 'GET, POST, DELETE',
      });
  }
  let text: string;
  try {
    text = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      return sendError(req, res, 413, `The body must be at most ${MAX_BODY_BYTES} bytes`);
    }
    // The client went away mid-body: nobody is left to answer.
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return sendError(
      req,
      res,
      400,
      'The body must be JSON: { "status": 429, "times": 1, "match"?: "...", "retryAfter"?: 1 }',
    );
  }
  const parsed = faultRuleSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'body'} ${issue.message}`,
    );
    return sendError(req, res, 400, `Invalid fault rule: ${problems.join('; ')}`);
  }
  if (!faults.addRule(parsed.data)) {
    return sendError(req, res, 409, 'Too many queued faults: DELETE /_sandbox/faults first');
  }
  sendJson(req, res, 201, { rules: faults.listRules() });
}
