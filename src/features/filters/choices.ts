// Choices of a multi-select: the values the data holds under the other filters (so each count says what picking
// the value would give), plus the values already chosen even when none match any more.
import type { ReferralBucket } from '../../lib/api/types';
import { ORG_SIZES } from '../../lib/referrals/schema';
import {
  fieldValueLabel,
  isOlderOrgSize,
  marketName,
  OLDER_ORG_SIZE_GROUP,
} from '../../lib/referrals/value-labels';
import { countOf } from '../../lib/analytics/time-buckets';
import { orderStatuses } from '../../lib/referrals/status-colors';
import type { ListFilterField } from './filter-state';

export interface Choice {
  value: string;
  /** The value as shown (see value-labels.ts). */
  label: string;
  /** Referrals with this value under the other filters; null while unknown. */
  count: number | null;
  /** The heading the value is listed under, when not the main list (the older organisation sizes). */
  group?: string;
  /** More words for the value, shown beside it and found by search (a market's country). */
  detail?: string;
}

/** The group and detail of a value, where it has them. */
function extras(field: ListFilterField, value: string): Pick<Choice, 'group' | 'detail'> {
  if (field === 'customerOrgSize' && isOlderOrgSize(value)) return { group: OLDER_ORG_SIZE_GROUP };
  if (field === 'customerMarket' || field === 'partnerMarket') {
    const name = marketName(value);
    if (name !== null) return { detail: name };
  }
  return {};
}

const sizeRank = new Map<string, number>(ORG_SIZES.map((size, index) => [size, index]));

function order(field: ListFilterField, values: string[]): string[] {
  switch (field) {
    case 'status':
      return orderStatuses(values);
    case 'customerOrgSize':
      return [...values].sort(
        (a, b) =>
          (sizeRank.get(a) ?? ORG_SIZES.length) - (sizeRank.get(b) ?? ORG_SIZES.length) ||
          a.localeCompare(b, 'en'),
      );
    default:
      return [...values].sort((a, b) => a.localeCompare(b, 'en'));
  }
}

export function toChoices(
  field: ListFilterField,
  buckets: readonly ReferralBucket[] | undefined,
  selected: readonly string[],
): Choice[] {
  const counts = new Map<string, number>();
  for (const bucket of buckets ?? []) {
    const value = bucket.key[field];
    // Referrals without a value cannot be picked with `eq`; they still count in the charts' "Unknown".
    if (value === null || value === undefined || value === '') continue;
    counts.set(value, (counts.get(value) ?? 0) + countOf(bucket.count));
  }
  const values = new Set([...counts.keys(), ...selected]);
  return order(field, [...values]).map((value) => ({
    value,
    label: fieldValueLabel(field, value),
    count: buckets === undefined ? null : (counts.get(value) ?? 0),
    ...extras(field, value),
  }));
}
