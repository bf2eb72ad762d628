import type { IncomingMessage, ServerResponse } from 'node:http';
import { FAULTS_DISABLED, faultRuleSchema, type FaultInjector } from './faults';
import { readControlBody } from './control-body';
import { sendError, sendJson } from './responses';

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
  const rule = await readControlBody(req, res, faultRuleSchema, {
    example: '{ "status": 429, "times": 1, "match"?: "...", "retryAfter"?: 1 }',
    what: 'fault rule',
  });
  if (rule === undefined) return;
  if (!faults.addRule(rule)) {
    return sendError(req, res, 409, 'Too many queued faults: DELETE /_sandbox/faults first');
  }
  sendJson(req, res, 201, { rules: faults.listRules() });
}
