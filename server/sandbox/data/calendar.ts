import { weightedPicker, type Random } from '../random';

export const SECOND = 1000;
export const HOUR = 3600 * SECOND;
export const DAY = 24 * HOUR;

/** How busy each weekday is, Sunday first: partners and customers mostly work Monday to Friday. */
const WEEKDAY_FACTOR = [0.2, 1.0, 1.06, 1.05, 1.0, 0.84, 0.24] as const;

/** Referrals in the window grow to about this multiple of the first day's rate by its end. */
const GROWTH_OVER_WINDOW = 2.3;

/** Relative activity on one UTC day: growth, weekday, quarter-end push, year-end holidays. */
export function dayWeight(dayStart: number, windowStart: number, windowEnd: number): number {
  const date = new Date(dayStart);
  const progress = (dayStart - windowStart) / Math.max(DAY, windowEnd - windowStart);
  let weight = Math.pow(GROWTH_OVER_WINDOW, progress) * (WEEKDAY_FACTOR[date.getUTCDay()] ?? 1);
  const month = date.getUTCMonth();
  const dayOfMonth = date.getUTCDate();
  const lastDayOfMonth = new Date(Date.UTC(date.getUTCFullYear(), month + 1, 0)).getUTCDate();
  const daysToMonthEnd = lastDayOfMonth - dayOfMonth;
  // Sellers close deals before each fiscal quarter ends, so referrals pile up in its last two weeks.
  if (month % 3 === 2 && daysToMonthEnd < 14) weight *= 1.25 + (0.55 * (14 - daysToMonthEnd)) / 14;
  if (month === 11 && dayOfMonth >= 23) weight *= 0.45;
  if (month === 0 && dayOfMonth === 1) weight *= 0.4;
  return weight;
}

/** Samples creation instants (whole seconds) between windowStart and windowEnd with the calendar's shape. */
export function createDaySampler(
  windowStart: number,
  windowEnd: number,
): (random: Random) => number {
  const days: [number, number][] = [];
  for (let day = windowStart; day < windowEnd; day += DAY) {
    days.push([day, dayWeight(day, windowStart, windowEnd)]);
  }
  if (days.length === 0) return () => windowStart;
  const pickDay = weightedPicker(days);
  return (random) => pickDay(random) + timeOfDay(random);
}

/** Most referrals arrive in the overlap of the Americas' and Europe's working days; some at any hour. */
function timeOfDay(random: Random): number {
  const hours = random.chance(0.78)
    ? 7 + 13 * ((random.next() + random.next() + random.next()) / 3)
    : 24 * random.next();
  return Math.floor((hours * HOUR) / SECOND) * SECOND;
}

/** The API's date-time form: UTC without a trailing Z, to the second. */
export function formatApiDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19);
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));

/**
 * formatApiDate for hundreds of thousands of dates: reuses each day's `YYYY-MM-DDT` and each time of day's
 * `HH:mm:ss`, so a date costs one small string joining two shared ones. That keeps start-up fast and the heap
 * small (most of the generator's time went to garbage collection of freshly built strings).
 */
export function createApiDateFormatter(): (epochMs: number) => string {
  const dayPrefixes = new Map<number, string>();
  const times: (string | undefined)[] = new Array<string | undefined>(86400);
  return (epochMs) => {
    const day = Math.floor(epochMs / DAY);
    let prefix = dayPrefixes.get(day);
    if (prefix === undefined) {
      prefix = new Date(day * DAY).toISOString().slice(0, 11);
      dayPrefixes.set(day, prefix);
    }
    const seconds = Math.floor((epochMs - day * DAY) / SECOND);
    let time = times[seconds];
    if (time === undefined) {
      const hour = TWO_DIGITS[Math.floor(seconds / 3600)] ?? '00';
      const minute = TWO_DIGITS[Math.floor(seconds / 60) % 60] ?? '00';
      time = `${hour}:${minute}:${TWO_DIGITS[seconds % 60] ?? '00'}`;
      times[seconds] = time;
    }
    return prefix + time;
  };
}

/** Midnight UTC of a `YYYY-MM-DD` date, or undefined if it is not a real calendar date. */
export function parseAnchorDate(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return undefined;
  }
  return time;
}

export function todayUtc(now = Date.now()): number {
  return Math.floor(now / DAY) * DAY;
}

/** The same calendar day `months` months earlier, clamped to the month's last day. */
export function monthsBefore(time: number, months: number): number {
  const date = new Date(time);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  return Date.UTC(
    target.getUTCFullYear(),
    target.getUTCMonth(),
    Math.min(date.getUTCDate(), lastDay),
  );
}
