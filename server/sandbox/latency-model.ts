// How long the Partner Center profile makes an answer wait: a log-normal draw (most answers near the median, a
// long tail of slow ones, as partners report) plus a term that grows with the answer's size. The draw is keyed by
// the request, so one seed gives every request the same time whatever order requests arrive in: a run is
// reproducible, and a page and a bare page asking the same requests are compared on equal terms.
import { createRandom } from './random';

export interface LatencyModelOptions {
  /** Chooses the draws: the same seed gives every request the same latency. */
  seed: number;
  /** Half the answers are faster than this (before the size term). */
  medianMs: number;
  /** The spread of ln(latency): 1 puts 10% of answers past 3.6 × the median and 1% past 10 ×. */
  sigma: number;
  /** Added per 1,000 bytes of answer: large pages of rows take longer to produce and send. */
  perKbMs: number;
  /** No answer waits longer than this (before scaling). */
  maxMs: number;
  /** Multiplies the whole latency: 0.05 runs the model twenty times faster, for tests. */
  scale: number;
}

/** The FNV-1a hash of a string: spreads request keys over 32 bits. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A standard normal draw from two uniform draws (Box–Muller). */
function standardNormal(uniform: () => number): number {
  // 1 - u lies in (0, 1]: the logarithm stays finite.
  const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
  return radius * Math.cos(2 * Math.PI * uniform());
}

export interface LatencyModel {
  readonly options: LatencyModelOptions;
  /** Milliseconds to wait before sending the answer to `requestKey` (e.g. its query string) of `bytes` bytes. */
  latencyMs(requestKey: string, bytes: number): number;
}

export function createLatencyModel(options: LatencyModelOptions): LatencyModel {
  return {
    options,
    latencyMs(requestKey, bytes) {
      const random = createRandom((hash32(requestKey) ^ options.seed) >>> 0);
      const drawn = options.medianMs * Math.exp(options.sigma * standardNormal(random.next));
      const sized = drawn + (options.perKbMs * bytes) / 1000;
      return Math.round(Math.min(options.maxMs, sized) * options.scale);
    },
  };
}
