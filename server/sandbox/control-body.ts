// The JSON body of a sandbox control request (faults, profile): small, JSON, and valid by its schema. Any other
// body is answered here with a 400 or 413 that says what was wrong.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { sendError } from './responses';

export const MAX_BODY_BYTES = 4096;

class BodyTooLarge extends Error {}

/** A small request body as text; rejects with BodyTooLarge past MAX_BODY_BYTES. */
function readBody(req: IncomingMessage): Promise<string> {
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
 * The body parsed by `schema`, or undefined once the request has been answered: too large (413), not JSON (400,
 * with `example`), or not valid (400, "Invalid <what>: " and each problem).
 */
export async function readControlBody<T>(
  req: IncomingMessage,
  res: ServerResponse,
  schema: z.ZodType<T>,
  { example, what }: { example: string; what: string },
): Promise<T | undefined> {
  let text: string;
  try {
    text = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      sendError(req, res, 413, `The body must be at most ${MAX_BODY_BYTES} bytes`);
    }
    // Otherwise the client went away mid-body: nobody is left to answer.
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    sendError(req, res, 400, `The body must be JSON: ${example}`);
    return undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'body'} ${issue.message}`,
    );
    sendError(req, res, 400, `Invalid ${what}: ${problems.join('; ')}`);
    return undefined;
  }
  return parsed.data;
}
