// `npm run serve`: the built app (dist/) for production use, with the same proxy, identity provider
// and sandbox as `npm start`: https (HTTP/2, with HTTP/1.1 for older clients) with the local
// certificate in sandbox mode; in live mode https with TLS_CERT_FILE/TLS_KEY_FILE (or the local
// certificate for an https://localhost redirect URI), else plain http. GET /healthz answers without
// touching anything; SIGTERM lets requests under way finish (up to 10 s) before stopping.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAppRuntime, type AppRuntime } from './app-runtime';
import { createAppServer, SHUTDOWN_GRACE_MS, type AppServer } from './app-server';
import { loadSettings, type Settings } from './config';
import { createStaticAppHandler } from './static-app';
import { exitForStartupError } from './startup-errors';
import { StartupLog, startupBanner } from './startup-output';

const root = fileURLToPath(new URL('..', import.meta.url));
// Tests build into their own folder so parallel Playwright runs never overwrite each other's app.
const distDir = process.env.REFERRAL_LENS_DIST_DIR ?? join(root, 'dist');
const log = new StartupLog();

let settings: Settings | undefined;
let runtime: AppRuntime | undefined;
let server: AppServer | undefined;
try {
  if (!existsSync(join(distDir, 'index.html'))) {
    console.error(
      'Referral Lens has not been built yet: run `npm run build` first, then `npm run serve`.',
    );
    process.exit(1);
  }
  settings = loadSettings(root);
  runtime = await startAppRuntime(settings, { log });
  const handler = createStaticAppHandler({ distDir, runtime });
  server = createAppServer(handler, runtime.tls);
  await server.listen(settings.port, settings.host);
} catch (error) {
  await runtime?.close();
  exitForStartupError(error, settings?.port);
}

startupBanner(runtime).forEach((line) => console.log(line));
log.release();

const [activeServer, activeRuntime] = [server, runtime];
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    // A load balancer stops sending new requests; those under way finish (up to 10 s) first.
    console.log(
      `${signal}: finishing requests under way (at most ${SHUTDOWN_GRACE_MS / 1000} s), then stopping.`,
    );
    Promise.allSettled([activeServer.shutdown()])
      .then(() => activeRuntime.close())
      .finally(() => process.exit(0));
  });
}
