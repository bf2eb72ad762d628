/** The build's id, set by vite.config.ts: changes whenever the app's code or dependencies do. */
declare const __BUILD_ID__: string;
