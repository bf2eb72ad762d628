import type { Referral } from '../../../src/lib/referrals/schema';
import { createRandom, weightedPicker, type Random } from '../random';
import { createApiDateFormatter, createDaySampler, monthsBefore } from './calendar';
import { generateCustomerName, HOSTILE_CUSTOMER_NAMES } from './customer-names';
import { simulateLifecycle } from './lifecycle';
import { nameStyleOf, pickCustomerMarket, pickPartnerMarket } from './markets';

export interface GenerateOptions {
  seed: number;
  count: number;
  /** Midnight UTC (epoch ms) of the anchor date: referrals are created in the 24 months before it. */
  anchor: number;
}

export const WINDOW_MONTHS = 24;

/** Current organisation sizes with how common they are among referred customers. */
const pickCurrentOrgSize = weightedPicker([
  ['1to9employees', 16],
  ['10to50employees', 22],
  ['51to250employees', 21],
  ['251to1000employees', 14],
  ['1001to5000employees', 11],
  ['5001to10000employees', 6],
  ['10001to20000employees', 4],
  ['Morethan20000employees', 6],
] as const);

/** The older, coarser sizes that early referrals still carry. */
const LEGACY_ORG_SIZE: Record<string, string> = {
  '1to9employees': '1to50employees',
  '10to50employees': '1to50employees',
  '51to250employees': '51to500employees',
  '251to1000employees': '51to500employees',
};
const LEGACY_PERIOD_MONTHS = 9;

interface Customer {
  name: string;
  market: string;
  orgSize: string;
}

function createCustomers(random: Random, count: number): Customer[] {
  const customers: Customer[] = [];
  for (let i = 0; i < count; i++) {
    const market = pickCustomerMarket(random);
    customers.push({
      market,
      name: generateCustomerName(random, nameStyleOf(market)),
      orgSize: pickCurrentOrgSize(random),
    });
  }
  return customers;
}

/**
 * Deterministic referrals: the same options give the same rows. Newest first is the API's order, but the
 * generator returns them oldest first with ids rising over time, as a real system would have issued them.
 */
export function generateReferrals({ seed, count, anchor }: GenerateOptions): Referral[] {
  const random = createRandom(seed);
  const windowStart = monthsBefore(anchor, WINDOW_MONTHS);
  const legacyUntil = monthsBefore(anchor, WINDOW_MONTHS - LEGACY_PERIOD_MONTHS);
  const sampleCreated = createDaySampler(windowStart, anchor);
  const created = new Float64Array(count);
  for (let i = 0; i < count; i++) created[i] = sampleCreated(random);
  created.sort();

  // Repeat customers: about 2.6 referrals per customer, a few customers with many.
  const customers = createCustomers(random, Math.max(1, Math.round(count / 2.6)));
  const hostileRows = new Map<number, string>();
  if (count >= HOSTILE_CUSTOMER_NAMES.length * 4) {
    HOSTILE_CUSTOMER_NAMES.forEach((name, k) => {
      hostileRows.set(Math.floor(((k + 0.5) * count) / HOSTILE_CUSTOMER_NAMES.length), name);
    });
  }

  const format = createApiDateFormatter();
  const formatReached = (time: number) => (Number.isNaN(time) ? null : format(time));
  const rows: Referral[] = new Array<Referral>(count);
  let id = 100000 + random.int(400000);
  for (let i = 0; i < count; i++) {
    const createdAt = created[i] ?? windowStart;
    const customer = customers[
      Math.floor(Math.pow(random.next(), 1.3) * customers.length)
    ] as Customer;
    const lifecycle = simulateLifecycle(random, createdAt, anchor);
    const legacy = createdAt < legacyUntil && random.chance(0.3);
    const orgSize = legacy
      ? (LEGACY_ORG_SIZE[customer.orgSize] ?? 'Morethan500employees')
      : customer.orgSize;
    id += 1 + random.int(4);
    rows[i] = {
      id: String(id),
      status: lifecycle.status,
      customerMarket: customer.market,
      customerName: hostileRows.get(i) ?? customer.name,
      customerOrgSize: orgSize,
      createdDate: format(createdAt),
      acknowledgedDate: formatReached(lifecycle.acknowledgedDate),
      acceptedDate: formatReached(lifecycle.acceptedDate),
      declinedDate: formatReached(lifecycle.declinedDate),
      expiredDate: formatReached(lifecycle.expiredDate),
      lostDate: formatReached(lifecycle.lostDate),
      missedDate: formatReached(lifecycle.missedDate),
      skippedDate: formatReached(lifecycle.skippedDate),
      wonDate: formatReached(lifecycle.wonDate),
      archivedDate: formatReached(lifecycle.archivedDate),
      partnerMarket: pickPartnerMarket(random, customer.market),
    };
  }
  return rows;
}
