// What the KPIs and the trends compare the view with: the period of the same length just before it (the default),
// the same calendar days a year earlier (seasonal businesses compare quarter with quarter), or nothing. Either way
// the comparison period is taken "at the same point" (src/lib/analytics/same-age.ts): its referrals and their outcomes
// count only up to the day that corresponds to the data's last day, so a referral created n days into either period
// has had as long to move. The data's last day is yesterday: Partner Center lags about a day, so today holds no
// referral yet, and counting the comparison period's own last day would make every period look a day short.
import { lastDayOfMonth, subYears } from 'date-fns';
import { previousOutcomeCutoff } from '../analytics/same-age';
import { addDaysToDay, formatDay, previousRange, toUtcDay, type DayRange } from './days';

export const COMPARISONS = ['previous', 'last-year', 'off'] as const;
export type ComparisonChoice = (typeof COMPARISONS)[number];
export const DEFAULT_COMPARISON = 'previous' satisfies ComparisonChoice;

/** The filter bar's names of the choices. */
export const COMPARISON_LABELS: Record<ComparisonChoice, string> = {
  previous: 'Previous period',
  'last-year': 'Same period last year',
  off: 'Off',
};

export type ComparisonKind = Exclude<ComparisonChoice, 'off'>;

/** The period compared with, and from when its outcomes no longer count. */
export interface ComparisonPeriod {
  kind: ComparisonKind;
  range: DayRange;
  /**
   * Its referrals, and their accepted and won dates, count only before this day (exclusive, YYYY-MM-DD): the day
   * after the one that corresponds to the data's last day.
   */
  outcomeCutoff: string;
}

/** The same calendar day a year earlier; 29 February becomes 28 February. */
export function sameDayLastYear(day: string): string {
  return formatDay(subYears(toUtcDay(day), 1));
}

function isLastDayOfMonth(day: string): boolean {
  return formatDay(lastDayOfMonth(toUtcDay(day))) === day;
}

/**
 * The last day of a period a year earlier: the same day, except that a period ending on the last day of February
 * ends on the last of that February too (all of February 2025 compares with all of February 2024, 29th included).
 */
export function sameEndLastYear(day: string): string {
  const earlier = sameDayLastYear(day);
  return isLastDayOfMonth(day) ? formatDay(lastDayOfMonth(toUtcDay(earlier))) : earlier;
}

/** The same calendar days a year earlier. */
export function sameRangeLastYear(range: DayRange): DayRange {
  return { from: sameDayLastYear(range.from), to: sameEndLastYear(range.to) };
}

/** The last day Partner Center's data holds on `today`: it lags about a day. */
export function dataLastDay(today: string): string {
  return addDaysToDay(today, -1);
}

/** The period `choice` compares `range` with on `today` (UTC days); null when comparisons are off. */
export function comparisonPeriod(
  choice: ComparisonChoice,
  range: DayRange,
  today: string,
): ComparisonPeriod | null {
  const seenUpTo = dataLastDay(today);
  switch (choice) {
    case 'off':
      return null;
    case 'previous':
      return {
        kind: 'previous',
        range: previousRange(range),
        outcomeCutoff: previousOutcomeCutoff(range, seenUpTo),
      };
    case 'last-year':
      return {
        kind: 'last-year',
        range: sameRangeLastYear(range),
        // The data's last day a year earlier, included: the comparison period as it stood then.
        outcomeCutoff: addDaysToDay(sameEndLastYear(seenUpTo), 1),
      };
  }
}

/** "the previous period", "the same period last year": how tiles and captions name the comparison period. */
export const COMPARISON_NAMES: Record<ComparisonKind, string> = {
  previous: 'the previous period',
  'last-year': 'the same period last year',
};

/** "Previous period (2026-05-23 to 2026-08-23)": the comparison named with its dates (legends, tables). */
export function comparisonTitle(comparison: ComparisonPeriod): string {
  return `${COMPARISON_LABELS[comparison.kind]} (${comparison.range.from} to ${comparison.range.to})`;
}
