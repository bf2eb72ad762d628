// Imports name their .ts files: vite.config.ts loads this module, and Vite's native config loader needs them.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';
import { MIN_COMPRESSIBLE_BYTES } from './compression.ts';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

// Text files only; index.html is left out on purpose: server/index-html.ts serves it with the browser config
// injected, so a compressed copy of the file as built must never be what the browser gets.
const COMPRESSIBLE = new Set([
  '.js',
  '.mjs',
  '.css',
  '.svg',
  '.json',
  '.webmanifest',
  '.txt',
  '.map',
]);

/**
 * Writes a `.br` and a `.gz` beside every text file of the build, compressed once at the highest levels, which
 * `npm run serve` (sirv's `brotli`/`gzip` options, server/static-app.ts) sends to a browser that accepts them:
 * about 1.5 MB of JavaScript goes over the wire as about a quarter of that, at no CPU cost per request.
 */
export function precompressAssets(): Plugin {
  let outDir = '';
  return {
    name: 'referral-lens:precompress-assets',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    async writeBundle(options) {
      const dir = options.dir ?? outDir;
      const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile() && COMPRESSIBLE.has(extname(entry.name)))
        .map((entry) => join(entry.parentPath, entry.name));
      await Promise.all(files.map(precompressFile));
    },
  };
}

async function precompressFile(path: string): Promise<void> {
  const content = await readFile(path);
  if (content.length < MIN_COMPRESSIBLE_BYTES) return;
  const [br, gz] = await Promise.all([
    brotli(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    }),
    gzipped(content, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  // A copy no smaller than the file would only cost the browser a decoding step.
  if (br.length < content.length) await writeFile(`${path}.br`, br);
  if (gz.length < content.length) await writeFile(`${path}.gz`, gz);
}
