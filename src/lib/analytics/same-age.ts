// Comparing a period with the one before it "at the same point": the previous period is evaluated as it stood when
// it was as old as the current period is now, so a referral created n days into either period has had the same time
// to be accepted or won. Without it, the previous period's referrals have had a whole period longer to move and any
// outcome looks like it fell (right-censoring).

const MS_PER_DAY = 86_400_000;

function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY;
}

function dayOf(dayNumberValue: number): string {
  return new Date(dayNumberValue * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The first day (exclusive bound, YYYY-MM-DD) of referrals and outcomes the previous period may count: the current
 * period is seen with everything up to the end of `seenUpTo` (the data's last day), so the previous one, `length`
 * days earlier, stops `length` days earlier too. For a range that ends today that is the day before the current
 * range's first day: the previous period without its own last day, as the current one has no data for today.
 */
export function previousOutcomeCutoff(
  range: { from: string; to: string },
  seenUpTo: string,
): string {
  const length = dayNumber(range.to) - dayNumber(range.from) + 1;
  return dayOf(dayNumber(seenUpTo) + 1 - length);
}
