/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * In workers, write-excel-file's `fflate` zips synchronously (see fflateSyncZip.ts): its
 * asynchronous zip would start blob: workers, which the Content-Security-Policy refuses.
 */
function syncZipForExcelExport(): Plugin {
  const shim = fileURLToPath(
    new URL('./src/features/referrals/export/xlsx/fflateSyncZip.ts', import.meta.url),
  );
  return {
    name: 'referral-lens:sync-zip-for-excel-export',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === 'fflate' && importer?.includes('/write-excel-file/') ? shim : null;
    },
  };
}

export default defineConfig({
  plugins: [react()],
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
          setupFiles: ['src/test/setup.ts'],
        },
      },
    ],
  },
});
