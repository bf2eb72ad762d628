/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { precompressAssets } from './server/precompress-assets.ts';

/**
 * In workers, write-excel-file's `fflate` zips synchronously (see fflate-sync-zip.ts): its
 * asynchronous zip would start blob: workers, which the Content-Security-Policy refuses.
 */
function syncZipForExcelExport(): Plugin {
  const shim = fileURLToPath(
    new URL('./src/features/referrals/export/xlsx/fflate-sync-zip.ts', import.meta.url),
  );
  return {
    name: 'referral-lens:sync-zip-for-excel-export',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === 'fflate' && importer?.includes('/write-excel-file/') ? shim : null;
    },
  };
}

/**
 * A hash of the app's code and locked dependencies: a query cache persisted by another build is dropped rather
 * than read with this build's idea of its shape (src/lib/query-persistence). The same code gives the same id.
 */
function buildId(): string {
  const root = fileURLToPath(new URL('.', import.meta.url));
  const hash = createHash('sha256');
  const files = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of [...files, join(root, 'package-lock.json')]) {
    hash.update(file.slice(root.length)).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

export default defineConfig({
  plugins: [react(), precompressAssets()],
  define: { __BUILD_ID__: JSON.stringify(buildId()) },
  worker: { plugins: () => [syncZipForExcelExport()] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts', 'server/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['src/testing/setup.ts'],
          // One copy of react-router for the tests and nuqs' React Router adapter (renderWithDashboard's appUrl).
          server: { deps: { inline: ['nuqs'] } },
        },
      },
    ],
  },
});
