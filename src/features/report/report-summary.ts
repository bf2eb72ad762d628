// What a printed report says about the view it shows, in words: the date range, the filters, and how fresh the
// data is, so a page handed to someone else stays true on its own.
import type { AggregationLevel } from '../../lib/referrals/schema';
import { activeChips } from '../filters';
import type { DayRange } from '../filters';
import { dateFieldLabel, type DashboardFilters } from '../filters';

export const REPORT_TITLE = 'Referral Lens report';

export interface ReportSummary {
  /** "Created 2026-09-06 to 2026-12-06 (UTC), per week" */
  range: string;
  /** "Status Won · Customer market US", or "None: all referrals in the range" */
  filters: string;
  /** When the data was fetched, "6 Dec 2026, 14:02 UTC", or null before the first answer. */
  asOf: string | null;
}

export const NO_FILTERS = 'None: all referrals in the range';

/** One formatter per locale: making one costs about a millisecond, and the report header is summed up at every change. */
const asOfFormats = new Map<string | undefined, Intl.DateTimeFormat>();

function asOfFormat(locale: string | undefined): Intl.DateTimeFormat {
  let format = asOfFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      // A report travels: the time says its zone.
      timeZoneName: 'short',
    });
    asOfFormats.set(locale, format);
  }
  return format;
}

export function reportSummary(
  view: { filters: DashboardFilters; range: DayRange; granularity: AggregationLevel },
  asOf: number | null,
  locale?: string,
): ReportSummary {
  const { filters, range, granularity } = view;
  const chips = activeChips(filters).filter((chip) => chip.target.kind !== 'range');
  return {
    range: `${dateFieldLabel(filters.dateField)} ${range.from} to ${range.to} (UTC), per ${granularity}`,
    filters: chips.length === 0 ? NO_FILTERS : chips.map((chip) => chip.label).join(' · '),
    asOf: asOf === null ? null : asOfFormat(locale).format(asOf),
  };
}
