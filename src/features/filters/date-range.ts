// Date ranges of the filter bar. Days are ISO dates ('2026-11-24') meaning whole UTC days, because the API's
// dates are UTC and a partner in any time zone must see the same figures for the same link.
import { addMonths, subDays, subMonths } from 'date-fns';
import type { AggregationLevel } from '../../lib/referrals/schema';
import { formatDay, rangeLength, toUtcDay, utcToday, type DayRange } from '../../lib/dates/days';

// The day helpers live in src/lib/dates; filter code takes them from here with the presets.
export {
  addDaysToDay,
  formatDay,
  isIsoDay,
  previousRange,
  rangeLength,
  toUtcDay,
  utcToday,
  type DayRange,
} from '../../lib/dates/days';

export const RANGE_PRESETS = ['30d', '3m', '6m', '12m', '24m', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_PRESET = '3m' satisfies RangePreset;

export const PRESET_LABELS: Record<RangePreset, string> = {
  '30d': 'Last 30 days',
  '3m': 'Last 3 months',
  '6m': 'Last 6 months',
  '12m': 'Last 12 months',
  '24m': 'Last 24 months',
  custom: 'Custom',
};

/**
 * The days a preset covers, ending today (UTC). "Last 30 days" is 30 days including today; "Last N months"
 * starts on the same day N months ago, as Partner Center and most analytics tools count it.
 */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, now: Date): DayRange {
  const today = toUtcDay(utcToday(now));
  const to = formatDay(today);
  switch (preset) {
    case '30d':
      return { from: formatDay(subDays(today, 29)), to };
    case '3m':
      return { from: formatDay(subMonths(today, 3)), to };
    case '6m':
      return { from: formatDay(subMonths(today, 6)), to };
    case '12m':
      return { from: formatDay(subMonths(today, 12)), to };
    case '24m':
      return { from: formatDay(subMonths(today, 24)), to };
  }
}

/**
 * The range in effect: a preset's, or the custom days. A custom range missing a bound takes it from the default
 * preset, and bounds given the wrong way round are swapped, so any URL gives a usable view.
 */
export function resolveRange(
  preset: RangePreset,
  custom: { from: string | null; to: string | null },
  now: Date,
): DayRange {
  if (preset !== 'custom') return presetRange(preset, now);
  const fallback = presetRange(DEFAULT_PRESET, now);
  const from = custom.from ?? fallback.from;
  const to = custom.to ?? fallback.to;
  return from <= to ? { from, to } : { from: to, to: from };
}

/** Up to 31 days: day; up to 6 months: week; longer: month. */
export function defaultGranularity(range: DayRange): AggregationLevel {
  if (rangeLength(range) <= 31) return 'day';
  const sixMonthsAfterStart = formatDay(addMonths(toUtcDay(range.from), 6));
  return range.to <= sixMonthsAfterStart ? 'week' : 'month';
}
