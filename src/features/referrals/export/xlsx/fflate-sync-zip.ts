// What write-excel-file gets for `fflate` inside the export worker (see vite.config.ts): the same
// library, but `zip` runs synchronously. fflate's own asynchronous zip starts further workers from
// blob: URLs, which the app's Content-Security-Policy (worker-src 'self') rightly refuses; the
// export already runs in a worker of its own, so nothing is lost.
import { zipSync, type AsyncZipOptions, type AsyncZippable, type FlateCallback } from 'fflate';

export { strToU8, zipSync } from 'fflate';

export function zip(
  data: AsyncZippable,
  optionsOrCallback: AsyncZipOptions | FlateCallback,
  maybeCallback?: FlateCallback,
): () => void {
  const callback = typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback!;
  const options = typeof optionsOrCallback === 'function' ? {} : optionsOrCallback;
  let archive: Parameters<FlateCallback>[1];
  try {
    archive = zipSync(data, options);
  } catch (error) {
    callback(error as Parameters<FlateCallback>[0], new Uint8Array());
    return () => {};
  }
  callback(null, archive);
  return () => {};
}
