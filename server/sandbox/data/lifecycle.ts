import type { DateField, KnownStatus } from '../../../src/lib/referrals/schema';
import type { Random } from '../random';
import { DAY, HOUR, SECOND } from './calendar';

/** A referral nobody acts on expires this long after its last action (the contract says about 14 days). */
export const EXPIRY_AFTER = 14 * DAY;

/** The date fields a lifecycle can set after creation. */
export type LifecycleDateField = Exclude<DateField, 'createdDate'>;

/** One referral's states: epoch milliseconds (whole seconds) of each state reached, NaN where not reached. */
export type Lifecycle = { status: KnownStatus } & Record<LifecycleDateField, number>;

/** A delay in [min, max) skewed towards min: most people answer soon, a few take their time. */
function skewedDelay(random: Random, min: number, max: number, skew = 2): number {
  const delay = min + (max - min) * Math.pow(random.next(), skew);
  return Math.floor(delay / SECOND) * SECOND;
}

/** Records a state if it happened before `now`; a state planned at or after `now` has not happened yet. */
function reach(
  life: Lifecycle,
  now: number,
  status: KnownStatus,
  field: LifecycleDateField,
  at: number,
): boolean {
  if (at >= now) return false;
  life[field] = at;
  life.status = status;
  return true;
}

/**
 * Plays one referral's life from its creation up to `now`: acknowledged, then accepted, then won or lost;
 * declined; missed (another partner took it); skipped; expired after about 14 days without action; closed
 * referrals often archived later. First actions come before the expiry deadline, so an unanswered referral is
 * New until it expires, and recent referrals are still open.
 */
export function simulateLifecycle(random: Random, created: number, now: number): Lifecycle {
  const life: Lifecycle = {
    status: 'New',
    acknowledgedDate: NaN,
    acceptedDate: NaN,
    declinedDate: NaN,
    expiredDate: NaN,
    lostDate: NaN,
    missedDate: NaN,
    skippedDate: NaN,
    wonDate: NaN,
    archivedDate: NaN,
  };
  const firstAction = created + skewedDelay(random, 15 * 60 * SECOND, EXPIRY_AFTER - DAY, 3);
  const roll = random.next();
  let closed = false;
  if (roll < 0.14) {
    const expiry = created + EXPIRY_AFTER + skewedDelay(random, 0, 6 * HOUR, 1);
    closed = reach(life, now, 'Expired', 'expiredDate', expiry);
  } else if (roll < 0.19) {
    closed = reach(life, now, 'Missed', 'missedDate', firstAction);
  } else if (roll < 0.25) {
    closed = reach(life, now, 'Skipped', 'skippedDate', firstAction);
  } else if (roll < 0.36) {
    closed = reach(life, now, 'Declined', 'declinedDate', firstAction);
  } else if (reach(life, now, 'Acknowledged', 'acknowledgedDate', firstAction)) {
    const decision = firstAction + skewedDelay(random, HOUR, 9 * DAY);
    const next = random.next();
    if (next < 0.74) {
      if (reach(life, now, 'Accepted', 'acceptedDate', decision)) {
        const outcome = random.next();
        const closing = decision + skewedDelay(random, 7 * DAY, 180 * DAY, 1.5);
        if (outcome < 0.4) closed = reach(life, now, 'Won', 'wonDate', closing);
        else if (outcome < 0.78) closed = reach(life, now, 'Lost', 'lostDate', closing);
      }
    } else if (next < 0.88) {
      closed = reach(life, now, 'Declined', 'declinedDate', decision);
    } else {
      const expiry = firstAction + EXPIRY_AFTER + skewedDelay(random, 0, 6 * HOUR, 1);
      closed = reach(life, now, 'Expired', 'expiredDate', expiry);
    }
  }
  if (closed && random.chance(0.3)) {
    const closedAt = Math.max(
      life.expiredDate || 0,
      life.missedDate || 0,
      life.skippedDate || 0,
      life.declinedDate || 0,
      life.wonDate || 0,
      life.lostDate || 0,
    );
    reach(
      life,
      now,
      'Archived',
      'archivedDate',
      closedAt + skewedDelay(random, 30 * DAY, 240 * DAY, 1),
    );
  }
  return life;
}
