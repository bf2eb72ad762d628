// The awaiting list from its three answers (see ../../api/awaiting-list.ts): exactly what all the rows would give, while
// holding only the soonest ones. Why it adds up, when the data's age (the newest date of any open referral) is
// yesterday, as Partner Center's lag of about a day makes it:
// - every row with a date since yesterday is in the soonest answer, so the newest date of the held rows is the
//   data's age; when it is not yesterday, the rest's rows are needed (`needsRest`);
// - with the age before today, every referral that expires within 3 days was created before `soonestBefore`
//   (created + 14 days − age ≤ 3 days), so its row is held: the 24-hour and 3-day counts are exact;
// - the total is the held rows still waiting plus the rest's count, two disjoint sets.
import type { Referral } from '../../../../lib/referrals/schema';
import { addDaysToDay, utcToday } from '../../../filters';
import { EXPIRY_DAYS, SOON_DAYS } from './expiry';
import { awaitingReferrals, dataAsOf, expiringCounts, type AwaitingReferral } from './time-left';
import type { ExpiringCounts } from './time-left';

/** Days before today the queries reach back: the expiry window and one day of data lag. */
const LOOKBACK_DAYS = EXPIRY_DAYS + 1;

/** The days that split the open referrals between the queries (UTC, YYYY-MM-DD). */
export interface AwaitingDays {
  /** The first day asked for. */
  from: string;
  /** Referrals created before this day hold every one that expires within SOON_DAYS (age before today). */
  soonestBefore: string;
  /** The data's age is expected from this day (yesterday) to before `today`. */
  recentFrom: string;
  today: string;
}

export function awaitingDays(now: Date): AwaitingDays {
  const today = utcToday(now);
  return {
    from: addDaysToDay(today, -LOOKBACK_DAYS),
    soonestBefore: addDaysToDay(today, -(EXPIRY_DAYS - SOON_DAYS)),
    recentFrom: addDaysToDay(today, -1),
    today,
  };
}

const dayStartMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

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
 * The list as of the data's age, or `'needsRest'` when the rows held cannot date the data (its age is not
 * yesterday), or null while the rest's count is still on its way.
 */
export function awaitingView(
  answers: AwaitingAnswers,
  nowMs: number,
  days: AwaitingDays,
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
  if (newest === null || newest < dayStartMs(days.recentFrom) || newest >= dayStartMs(days.today))
    return 'needsRest';
  if (answers.restCount === undefined) return null;
  const held = awaitingReferrals(answers.soonest, newest);
  const complete = answers.restCount === 0;
  return {
    asOfMs: newest,
    fromData: true,
    // Those created later than the soonest are held only when acknowledged in the last day: the rest's count
    // lies between them, so they wait for Show all.
    list: complete ? held : held.filter((r) => r.createdMs < dayStartMs(days.soonestBefore)),
    total: held.length + answers.restCount,
    counts: expiringCounts(held),
    complete,
  };
}
