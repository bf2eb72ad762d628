// Referrals by a text field (customer market, organisation size) with the win rate in each value. Three grouped
// answers by the same field feed it: all referrals, those accepted, those won (won ÷ accepted is the win rate).
import type { ReferralBucket } from '../../../../lib/api/types';
import { ORG_SIZES } from '../../../../lib/referrals/schema';
import {
  isOlderOrgSize,
  OLDER_ORG_SIZE_GROUP,
  orgSizeLabel,
} from '../../../../lib/referrals/value-labels';
import { ratio } from '../../../../lib/analytics/rates';
import { countOf } from '../../../../lib/analytics/time-buckets';

const UNKNOWN_VALUE_LABEL = 'Unknown';
const OTHER_LABEL = 'Other';

export interface BreakdownRow {
  /** The field's value; null for referrals without one; undefined for the "Other" row that sums the rest. */
  value: string | null | undefined;
  label: string;
  /** The group a value is listed under, when not the main one (the older organisation sizes). */
  group?: string;
  total: number;
  accepted: number;
  won: number;
  winRate: number | null;
}

export interface BreakdownInput {
  total: readonly ReferralBucket[];
  accepted: readonly ReferralBucket[];
  won: readonly ReferralBucket[];
}

type TermField = 'customerMarket' | 'customerOrgSize';

function sumBy(buckets: readonly ReferralBucket[], field: TermField): Map<string | null, number> {
  const sums = new Map<string | null, number>();
  for (const bucket of buckets) {
    const raw = bucket.key[field];
    const value = raw === undefined || raw === '' ? null : raw;
    sums.set(value, (sums.get(value) ?? 0) + countOf(bucket.count));
  }
  return sums;
}

function rowsOf(input: BreakdownInput, field: TermField): BreakdownRow[] {
  const totals = sumBy(input.total, field);
  const accepted = sumBy(input.accepted, field);
  const won = sumBy(input.won, field);
  return [...totals].map(([value, total]) => {
    const acceptedCount = accepted.get(value) ?? 0;
    const wonCount = won.get(value) ?? 0;
    return {
      value,
      label: value ?? UNKNOWN_VALUE_LABEL,
      total,
      accepted: acceptedCount,
      won: wonCount,
      winRate: ratio(wonCount, acceptedCount),
    };
  });
}

/** The `limit` markets with most referrals (ties by name), then one "Other" row summing the rest. */
export function toMarketBreakdown(input: BreakdownInput, limit = 10): BreakdownRow[] {
  const rows = rowsOf(input, 'customerMarket').sort(
    (a, b) => b.total - a.total || a.label.localeCompare(b.label, 'en'),
  );
  if (rows.length <= limit) return rows;
  const rest = rows.slice(limit);
  const other = rest.reduce(
    (sum, row) => ({
      total: sum.total + row.total,
      accepted: sum.accepted + row.accepted,
      won: sum.won + row.won,
    }),
    { total: 0, accepted: 0, won: 0 },
  );
  return [
    ...rows.slice(0, limit),
    {
      value: undefined,
      label: `${OTHER_LABEL} (${rest.length})`,
      ...other,
      winRate: ratio(other.won, other.accepted),
    },
  ];
}

const sizeRank = new Map<string, number>(ORG_SIZES.map((size, index) => [size, index]));

/**
 * Organisation sizes as read ("1–9"): the current bands smallest first, then the older scheme's as
 * a group of their own (they overlap the current bands), sizes we do not know alphabetically, and
 * no size last.
 */
export function toOrgSizeBreakdown(input: BreakdownInput): BreakdownRow[] {
  const rank = (row: BreakdownRow) =>
    row.value === null || row.value === undefined
      ? Infinity
      : (sizeRank.get(row.value) ?? ORG_SIZES.length);
  return rowsOf(input, 'customerOrgSize')
    .sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label, 'en'))
    .map((row) =>
      typeof row.value === 'string'
        ? {
            ...row,
            label: orgSizeLabel(row.value),
            ...(isOlderOrgSize(row.value) ? { group: OLDER_ORG_SIZE_GROUP } : {}),
          }
        : row,
    );
}
