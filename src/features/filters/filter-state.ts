// What the filter bar holds. One plain value, so that the URL, the API filter, the chips and file names are all
// pure functions of it.
import type { AggregationLevel, DateField } from '../../lib/referrals/schema';
import { DEFAULT_PRESET, type RangePreset } from './date-range';

/** The multi-select fields, each a list of exact values (any of them matches). */
export const LIST_FILTER_FIELDS = [
  'status',
  'customerMarket',
  'partnerMarket',
  'customerOrgSize',
] as const;
export type ListFilterField = (typeof LIST_FILTER_FIELDS)[number];

export const LIST_FILTER_LABELS: Record<ListFilterField, string> = {
  status: 'Status',
  customerMarket: 'Customer market',
  partnerMarket: 'Partner market',
  customerOrgSize: 'Organisation size',
};

export interface DashboardFilters {
  preset: RangePreset;
  /** Custom range bounds (ISO days); only read when `preset` is 'custom'. */
  from: string | null;
  to: string | null;
  /** The date the range applies to. */
  dateField: DateField;
  status: readonly string[];
  customerMarket: readonly string[];
  partnerMarket: readonly string[];
  customerOrgSize: readonly string[];
  /** Case-insensitive substring of the customer's name; empty for none. */
  customerName: string;
  /** Only referrals that reached this stage (its date is set): what a click on a funnel stage applies. */
  reached: DateField | null;
  /** A typed expression in the API's filter grammar, and'ed with the rest; '' for none. */
  expression: string;
}

export const DEFAULT_FILTERS: DashboardFilters = {
  preset: DEFAULT_PRESET,
  from: null,
  to: null,
  dateField: 'createdDate',
  status: [],
  customerMarket: [],
  partnerMarket: [],
  customerOrgSize: [],
  customerName: '',
  reached: null,
  expression: '',
};

/** The granularity chosen by the user, or null to follow the range's length. */
export type GranularityChoice = AggregationLevel | null;

/** "acceptedDate" -> "Accepted", the way the filter bar and chips name a date field. */
export function dateFieldLabel(field: DateField): string {
  const stem = field.slice(0, -'Date'.length);
  return stem.charAt(0).toUpperCase() + stem.slice(1);
}
