// A short text naming what a view holds, for file names: "created-2026-08-24-to-2026-11-24_status-Won".
import { resolveRange, type DayRange } from './date-range';
import { LIST_FILTER_FIELDS, type DashboardFilters } from './filter-state';

const SHORT_NAMES = {
  status: 'status',
  customerMarket: 'market',
  partnerMarket: 'partner-market',
  customerOrgSize: 'size',
} as const;

const MAX_LENGTH = 150;

/** Letters and digits of any script are kept; anything a file system or shell might mind becomes '-'. */
function slug(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** `range` defaults to the filters' range as of now. */
export function describeFilters(
  filters: DashboardFilters,
  range: DayRange = resolveRange(filters.preset, filters, new Date()),
): string {
  const stem = filters.dateField.slice(0, -'Date'.length).toLowerCase();
  const parts = [`${stem}-${range.from}-to-${range.to}`];
  for (const field of LIST_FILTER_FIELDS) {
    const values = filters[field].map(slug).filter((v) => v !== '');
    if (values.length > 0) parts.push(`${SHORT_NAMES[field]}-${values.join('-')}`);
  }
  const name = slug(filters.customerName);
  if (name !== '') parts.push(`customer-${name}`);
  if (filters.reached !== null)
    parts.push(`reached-${filters.reached.slice(0, -'Date'.length).toLowerCase()}`);
  const text = parts.join('_');
  return text.length <= MAX_LENGTH ? text : text.slice(0, MAX_LENGTH).replace(/[-_]+$/, '');
}
