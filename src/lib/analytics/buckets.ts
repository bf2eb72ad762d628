// Figures read from grouped answers: one grouped query can serve several figures, each summing the buckets it needs.
import type { ReferralBucket } from '../api/types';
import type { ReferralField } from '../referrals/schema';

/** Referrals in all the buckets. */
export function sumCounts(buckets: readonly ReferralBucket[]): number {
  return buckets.reduce((sum, bucket) => sum + bucket.count, 0);
}

/** The buckets whose `field` is set: with `field` a date in the groupby, the referrals that reached that stage. */
export function withValue(
  buckets: readonly ReferralBucket[],
  field: ReferralField,
): ReferralBucket[] {
  return buckets.filter((bucket) => bucket.key[field] !== null && bucket.key[field] !== undefined);
}

/**
 * How many referrals have each field set, from buckets grouped by (at least) those fields; a field outside the
 * groupby is taken as set for all (the query's filter or the resource guarantees it, e.g. createdDate).
 */
export function countsWithValue<F extends ReferralField>(
  buckets: readonly ReferralBucket[],
  fields: readonly F[],
): Record<F, number> {
  const counts = Object.fromEntries(fields.map((field) => [field, 0])) as Record<F, number>;
  for (const bucket of buckets) {
    for (const field of fields) {
      const value = bucket.key[field];
      if (value !== null) counts[field] += bucket.count;
    }
  }
  return counts;
}
