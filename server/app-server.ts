import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import {
  createSecureServer,
  type Http2SecureServer,
  type Http2ServerRequest,
  type Http2ServerResponse,
  type ServerHttp2Session,
} from 'node:http2';
import type { Socket } from 'node:net';
import type { TlsFiles } from './app-runtime';
import {
  HTTP2_MAX_HEADER_LIST_BYTES,
  MAX_REQUEST_HEAD_BYTES,
  answerUnreadableRequest,
} from './security/request-limits';

// `npm run serve`'s server: HTTP/2 (with HTTP/1.1 for clients without it) whenever it serves https,
// as Vite does under `npm start`; plain HTTP/1.1 otherwise (behind a TLS-terminating front door).
// It answers /healthz itself and stops gracefully: on shutdown it takes no new connections and
// lets requests in flight finish, for up to a grace period.

/** How long requests in flight may take to finish after SIGTERM before the server closes them. */
export const SHUTDOWN_GRACE_MS = 10_000;

export const HEALTH_PATH = '/healthz';

export interface AppServer {
  readonly server: Server | Http2SecureServer;
  /** `h2` (with HTTP/1.1 fallback) over TLS, else `http/1.1`. */
  readonly protocol: 'h2' | 'http/1.1';
  listen(port: number, host: string): Promise<void>;
  /**
   * Stops taking connections and requests, lets those in flight finish, then closes every
   * connection; after `graceMs` it closes them anyway. Resolves once the server is closed.
   */
  shutdown(graceMs?: number): Promise<void>;
}

/**
 * Wraps the app's handler: `/healthz` first (no host check, no upstream, no auth: a load
 * balancer's probe names the instance's address, not the app's), 503 while shutting down.
 */
function withHealth(handler: RequestListener, isDraining: () => boolean): RequestListener {
  return (req, res) => {
    const path = (req.url ?? '').split('?', 1)[0];
    if (path !== HEALTH_PATH) {
      handler(req, res);
      return;
    }
    const body = JSON.stringify({ status: isDraining() ? 'shutting down' : 'ok' });
    res.writeHead(isDraining() ? 503 : 200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

export function createAppServer(handler: RequestListener, tls: TlsFiles | null): AppServer {
  let draining = false;
  let inFlight = 0;
  let idle: (() => void) | undefined;
  const sessions = new Set<ServerHttp2Session>();
  const tlsSockets = new Set<Socket>();

  const counted: RequestListener = (req, res) => {
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) idle?.();
    });
    // HTTP/1.1 keep-alive: tell the client not to send another request on this connection.
    if (draining && req.httpVersionMajor === 1) res.setHeader('connection', 'close');
    withHealth(handler, () => draining)(req, res);
  };

  let server: Server | Http2SecureServer;
  if (tls) {
    const secure = createSecureServer(
      {
        cert: tls.cert,
        key: tls.key,
        allowHTTP1: true,
        settings: { maxHeaderListSize: HTTP2_MAX_HEADER_LIST_BYTES },
      },
      // The compatibility API's request and response work as node:http's for every handler here.
      counted as unknown as (req: Http2ServerRequest, res: Http2ServerResponse) => void,
    );
    // HTTP/1.1 connections to this server are read by node:http's parser, with this limit.
    (secure as unknown as { maxHeaderSize: number }).maxHeaderSize = MAX_REQUEST_HEAD_BYTES;
    secure.on('secureConnection', (socket: Socket) => {
      tlsSockets.add(socket);
      socket.once('close', () => tlsSockets.delete(socket));
    });
    secure.on('session', (session) => {
      sessions.add(session);
      session.once('close', () => sessions.delete(session));
    });
    server = secure;
  } else {
    server = createHttpServer({ maxHeaderSize: MAX_REQUEST_HEAD_BYTES }, counted);
  }
  // Node answers a request head it cannot read with a bare status: answer with the error body.
  server.on('clientError', answerUnreadableRequest() as (error: Error, socket: Socket) => void);

  const closeEverything = () => {
    for (const session of sessions) session.destroy();
    for (const socket of tlsSockets) socket.destroy();
    if ('closeAllConnections' in server) server.closeAllConnections();
  };

  return {
    server,
    protocol: tls ? 'h2' : 'http/1.1',
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      }),
    shutdown(graceMs = SHUTDOWN_GRACE_MS) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // HTTP/2: GOAWAY; streams under way finish, no new ones start.
      for (const session of sessions) session.close();
      if ('closeIdleConnections' in server) server.closeIdleConnections();
      const finished = new Promise<void>((resolve) => {
        if (inFlight === 0) resolve();
        else idle = resolve;
      });
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
        timer.unref();
      });
      return Promise.race([finished, graceOver]).then(() => {
        clearTimeout(timer);
        closeEverything();
        return closed;
      });
    },
  };
}
