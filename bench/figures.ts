/** One measured figure; `target` is the most it may be (timings, memory). */
export interface Figure {
  label: string;
  value: number;
  unit: string;
  target?: number;
}

/** A bench module: bench/run.ts imports it and calls run(). */
export interface BenchModule {
  run(): Promise<Figure[]>;
}

/** The p-th percentile (0..100) of some samples, nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}
