import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Provider } from 'oidc-provider';
import { accountFromUserName, type SandboxAccount } from './accounts';
import { PAGE_CONTENT_SECURITY_POLICY, errorPage, signInPage } from './pages';

// Our pages need no scripts and post only to this origin; nothing may frame them.
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': PAGE_CONTENT_SECURITY_POLICY,
};
const MAX_FORM_BYTES = 8 * 1024;

export interface InteractionHandlerOptions {
  provider: Provider;
  accounts: Map<string, SandboxAccount>;
  isSessionNotFound(error: unknown): boolean;
  appUrl: string;
  interactionPath(uid: string): string;
  logError(message: string): void;
}

export type InteractionHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  uid: string,
  step: 'show' | 'login',
) => void;

/** Our own sign-in step: `GET /interaction/:uid` shows the form, `POST .../login` signs in. */
export function createInteractionHandler(options: InteractionHandlerOptions): InteractionHandler {
  const { provider, accounts, appUrl } = options;

  const send = (res: ServerResponse, status: number, html: string) => {
    res.writeHead(status, PAGE_HEADERS).end(html);
  };

  const run = async (
    req: IncomingMessage,
    res: ServerResponse,
    uid: string,
    step: 'show' | 'login',
  ) => {
    const expectedMethod = step === 'show' ? 'GET' : 'POST';
    if (req.method !== expectedMethod) {
      res.writeHead(405, { allow: expectedMethod }).end();
      return;
    }
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) {
      send(res, 400, expiredPage(appUrl));
      return;
    }
    const action = `${options.interactionPath(uid)}/login`;

    if (step === 'show') {
      const hint = details.params.login_hint;
      send(res, 200, signInPage({ action, userName: typeof hint === 'string' ? hint : '' }));
      return;
    }

    const form = new URLSearchParams(await readBody(req));
    const typed = form.get('username') ?? '';
    const checked = accountFromUserName(typed);
    if (!checked.ok) {
      send(res, 400, signInPage({ action, userName: typed, problem: checked.problem }));
      return;
    }
    accounts.set(checked.account.accountId, checked.account);
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: checked.account.accountId, remember: true }, select_account: {} },
      { mergeWithLastSubmission: false },
    );
  };

  return (req, res, uid, step) => {
    run(req, res, uid, step).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (options.isSessionNotFound(error) || error instanceof FormTooLargeError) {
        send(res, 400, expiredPage(appUrl));
        return;
      }
      options.logError(
        `Sandbox sign-in failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      send(
        res,
        500,
        errorPage({
          title: 'Sign-in problem',
          description: 'The sandbox could not complete the sign-in.',
          appUrl,
        }),
      );
    });
  };
}

function expiredPage(appUrl: string): string {
  return errorPage({
    title: 'This sign-in page has expired',
    description: 'The sign-in request is no longer valid: it was already used or is too old.',
    appUrl,
  });
}

class FormTooLargeError extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_FORM_BYTES) throw new FormTooLargeError('The sign-in form is too large.');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
