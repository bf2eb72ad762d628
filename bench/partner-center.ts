// The dashboard against the sandbox's partner-center profile (README: "The sandbox's Partner Center profile"):
// answers drawn from its latency model, each user throttled by a token bucket. All charts painted (median of
// several loads) next to a bare page making the same requests, each load starting with full buckets and meeting
// the same latencies. `npm run bench -- partner-center` runs these figures alone.
import { buildForPageFigures, paintFigures } from './charts';
import type { Figure } from './figures';

/**
 * The goal: the dashboard's own work (rendering, its request scheduling, waiting out throttling) adds at most a
 * fifth to the time the same requests take on a page that does nothing else.
 */
const RATIO_TARGET = 1.2;

export async function run(): Promise<Figure[]> {
  await buildForPageFigures();
  return paintFigures({ profile: 'partner-center' }, ' [partner-center]', RATIO_TARGET);
}
