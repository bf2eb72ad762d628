// Censored cohort curves: the share of a group of referrals that reached a stage within d units (days or weeks) of
// creation, when some of them are still open. A referral that has not reached the stage is "not reached yet at its
// age" (right-censored at the data's age), never a failure and never dropped.
//
// The estimate is Kaplan–Meier's product-limit, on the time to the stage, where a referral that never reaches it
// (declined, expired, …) simply never has the event:
//
//   F(d) = 1 − ∏_{j ≤ d} (1 − e_j / n_j)
//
// e_j: referrals that reached the stage j units after creation; n_j: referrals still "at risk" at j, i.e. not
// reached before j and watched for at least j units (age ≥ j). Censoring here is administrative (the data ends),
// so it is independent of the outcome and the estimate is unbiased for the share that will have reached the stage
// within d units; with no open referrals it is exactly reached ÷ all.

export interface StageObservation {
  /** Whole units from creation to the stage; null when not reached by the data's age. */
  duration: number | null;
  /** Whole units from creation to the data's age: how long the referral has been watched. */
  age: number;
  count: number;
}

export interface CurvePoint {
  /** Units since creation. */
  d: number;
  /** Estimated share that reached the stage within d units (0..1). */
  share: number;
  /** Referrals watched for at least d units and not reached before d. */
  atRisk: number;
  /** Referrals that reached the stage exactly d units after creation. */
  reached: number;
}

/**
 * The curve for d = 0, 1, … up to the oldest referral's age: a cohort's curve stops at the cohort's age. Once
 * nobody is at risk the share stays where it is. Negative durations (bad data) count as 0; a duration past the age
 * extends the age.
 */
export function cumulativeIncidence(observations: readonly StageObservation[]): CurvePoint[] {
  const events = new Map<number, number>();
  // Referrals leaving the risk set after unit k: reached at k, or censored at age k.
  const leaving = new Map<number, number>();
  let atRisk = 0;
  let oldest = -1;
  for (const { duration, age, count } of observations) {
    if (count <= 0) continue;
    atRisk += count;
    oldest = Math.max(oldest, age, duration ?? 0);
    if (duration === null) {
      const last = Math.max(0, age);
      leaving.set(last, (leaving.get(last) ?? 0) + count);
    } else {
      const at = Math.max(0, duration);
      events.set(at, (events.get(at) ?? 0) + count);
      leaving.set(at, (leaving.get(at) ?? 0) + count);
    }
  }
  const points: CurvePoint[] = [];
  let survival = 1;
  for (let d = 0; d <= oldest; d++) {
    const reached = events.get(d) ?? 0;
    if (atRisk > 0) survival *= 1 - reached / atRisk;
    points.push({ d, share: 1 - survival, atRisk, reached });
    atRisk -= leaving.get(d) ?? 0;
  }
  return points;
}

/**
 * A percentile of the time to the stage among the referrals that reach it within the time watched: the smallest d
 * with F(d) ≥ p · F(last), where F(last) is the share reached by the end of the curve. Asking for the time by which
 * half of *all* referrals got there would have no answer for a stage most never reach (accepted, won). Null when
 * nobody has reached the stage.
 */
export function percentileOfReached(curve: readonly CurvePoint[], p: number): number | null {
  const reachedShare = curve.at(-1)?.share ?? 0;
  if (reachedShare <= 0) return null;
  // A hair of tolerance: products of fractions may land a rounding error below the target.
  const target = p * reachedShare - 1e-12;
  return curve.find((point) => point.share >= target)?.d ?? null;
}

/**
 * The share that reached the stage within `units` (a whole number) when dates are known only to the unit: a
 * referral reached k units after creation (by calendar difference) took between k − 1 and k + 1 units, evenly
 * spread about k if times of day are, so one reached at k = units counts half:
 *
 *   within(m) = (F(m − 1) + F(m)) / 2, with F(−1) = 0
 *
 * Null while no referral has been watched that long.
 */
export function shareWithin(curve: readonly CurvePoint[], units: number): number | null {
  const at = curve[units];
  if (at === undefined) return null;
  const before = units === 0 ? 0 : (curve[units - 1]?.share ?? 0);
  return (before + at.share) / 2;
}
