// The awaiting list from its three answers (see api/awaitingQuery.ts): exactly what all the rows would give, while
// holding only the soonest ones. Why it adds up:
// - every referral that expires within 3 days was created before `soonestBefore`, so its row is held: the 24-hour
//   and 3-day counts are exact;
// - the data's age (the newest date of any open referral) is held whenever it is in the last day, since every row
//   with a date that recent is in the soonest answer; when it is older, the rest's rows are needed (`needsRest`);
// - the total is the held rows still waiting plus the rest's count, two disjoint sets.
import type { Referral } from '../../../lib/referrals/schema';
import { awaitingReferrals, dataAsOf, expiringCounts, type AwaitingReferral } from './timeLeft';
import type { ExpiringCounts } from './timeLeft';

export interface AwaitingAnswers {
  soonest: readonly Referral[];
  /** How many awaiting referrals the soonest answer leaves out; undefined until known. */
  restCount: number | undefined;
  /** The rows the soonest answer leaves out; undefined until asked for and arrived. */
  rest: readonly Referral[] | undefined;
}

export interface AwaitingView {
  asOfMs: number;
  /** The age is the data's (false: no referral to date it by, the clock's). */
  fromData: boolean;
  /** Every awaiting referral, least time left first, or the soonest of them (see `complete`). */
  list: AwaitingReferral[];
  /** How many are awaiting in all. */
  total: number;
  counts: ExpiringCounts;
  /** `list` is the whole list. */
  complete: boolean;
}

/** Rows of both answers, each once (a row can be in both: created in between, acknowledged in the last day). */
function union(a: readonly Referral[], b: readonly Referral[]): Referral[] {
  const seen = new Set(a.map((row) => row.id));
  return [...a, ...b.filter((row) => !seen.has(row.id))];
}

/**
 * The list as of the data's age, or `'needsRest'` when the rows held cannot date the data (nothing in the last
 * day), or null while the rest's count is still on its way. `recentFromMs`: the start of the day from which the
 * soonest answer holds every row; `soonestBeforeMs`: the start of the day before which it holds every row.
 */
export function awaitingView(
  answers: AwaitingAnswers,
  nowMs: number,
  recentFromMs: number,
  soonestBeforeMs: number,
): AwaitingView | 'needsRest' | null {
  if (answers.rest) {
    const rows = union(answers.soonest, answers.rest);
    const newest = dataAsOf(rows, nowMs);
    const asOfMs = newest ?? nowMs;
    const list = awaitingReferrals(rows, asOfMs);
    const counts = expiringCounts(list);
    return { asOfMs, fromData: newest !== null, list, total: list.length, counts, complete: true };
  }
  const newest = dataAsOf(answers.soonest, nowMs);
  if (newest === null || newest < recentFromMs) return 'needsRest';
  if (answers.restCount === undefined) return null;
  const held = awaitingReferrals(answers.soonest, newest);
  const complete = answers.restCount === 0;
  return {
    asOfMs: newest,
    fromData: true,
    // Those created later than the soonest are held only when acknowledged in the last day: the rest's count
    // lies between them, so they wait for Show all.
    list: complete ? held : held.filter((r) => r.createdMs < soonestBeforeMs),
    total: held.length + answers.restCount,
    counts: expiringCounts(held),
    complete,
  };
}
