// `npm start`: one process serving the app with Vite (https, hot reload) on PORT, with the sandbox
// identity provider at /oidc, the sandbox API behind the /api proxy, and the browser config; in
// live mode, the proxy to Partner Center instead.
import { fileURLToPath } from 'node:url';
import type { ViteDevServer } from 'vite';
import { startAppRuntime, type AppRuntime } from './app-runtime';
import { loadSettings, type Settings } from './config';
import { createDevServer } from './dev-server';
import { exitForStartupError } from './startup-errors';
import { StartupLog, startupBanner } from './startup-output';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/+$/, '');
const log = new StartupLog();

let settings: Settings | undefined;
let runtime: AppRuntime | undefined;
let server: ViteDevServer | undefined;
try {
  settings = loadSettings(root);
  runtime = await startAppRuntime(settings, { log });
  server = await createDevServer({ root, runtime, host: settings.host, port: settings.port });
  await server.listen();
} catch (error) {
  await server?.close();
  await runtime?.close();
  exitForStartupError(error, settings?.port);
}

startupBanner(runtime).forEach((line) => console.log(line));
log.release();

const [activeServer, activeRuntime] = [server, runtime];
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    Promise.allSettled([activeServer.close(), activeRuntime.close()]).finally(() =>
      process.exit(0),
    );
  });
}
