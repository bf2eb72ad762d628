import { describe, expect, it } from 'vitest';
import {
  DATE_FIELDS,
  KNOWN_STATUSES,
  ORG_SIZES,
  STATUS_DATE_FIELD,
  type DateField,
  type Referral,
} from '../../../src/lib/referrals/schema';
import { DAY, HOUR, monthsBefore } from './calendar';
import { HOSTILE_CUSTOMER_NAMES } from './customer-names';
import { generateReferrals } from './generate';
import { EXPIRY_AFTER } from './lifecycle';

const anchor = Date.UTC(2026, 2, 10);
const rows = generateReferrals({ seed: 7, count: 25000, anchor });
/** Epoch ms of an API date, NaN for null (so every comparison with a missing date fails). */
const time = (date: string | null) => (date === null ? NaN : Date.parse(`${date}Z`));
const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

function countBy(items: readonly Referral[], key: (row: Referral) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of items) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return counts;
}

describe('generateReferrals determinism', () => {
  it('gives the same rows for the same seed', () => {
    expect(generateReferrals({ seed: 7, count: 25000, anchor })).toEqual(rows);
  });

  it('gives different rows for a different seed', () => {
    const other = generateReferrals({ seed: 8, count: 25000, anchor });
    expect(other).toHaveLength(25000);
    expect(other.slice(0, 50)).not.toEqual(rows.slice(0, 50));
  });

  it('makes exactly the requested number of rows, including none', () => {
    expect(generateReferrals({ seed: 1, count: 0, anchor })).toEqual([]);
    expect(generateReferrals({ seed: 1, count: 3, anchor })).toHaveLength(3);
  });
});

describe('generated ids', () => {
  it('are unique numeric strings', () => {
    const ids = rows.map((row) => row.id);
    expect(new Set(ids).size).toBe(rows.length);
    expect(ids.filter((id) => !/^[1-9]\d*$/.test(id))).toEqual([]);
  });
});

describe('lifecycle coherence over every row', () => {
  const windowStart = monthsBefore(anchor, 24);
  /** Runs a check on every row and lists the rows that break it, so one failure names them all. */
  const violations = (check: (row: Referral) => string | undefined) =>
    rows.flatMap((row) => {
      const problem = check(row);
      return problem === undefined ? [] : [`${row.id}: ${problem}`];
    });

  it('formats every date as UTC without Z, inside the window and before the anchor', () => {
    const format = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
    const problems = violations((row) => {
      const created = time(row.createdDate);
      if (!(created >= windowStart)) return `createdDate ${row.createdDate} outside the window`;
      for (const field of DATE_FIELDS) {
        const value = row[field];
        if (value === null) continue;
        if (!format.test(value)) return `${field} ${value} is not YYYY-MM-DDTHH:mm:ss`;
        if (time(value) < created) return `${field} before createdDate`;
        if (time(value) >= anchor) return `${field} not before the anchor date`;
      }
      return undefined;
    });
    expect(problems).toEqual([]);
  });

  it('orders the states as the contract says', () => {
    const outcomes: DateField[] = [
      'declinedDate',
      'expiredDate',
      'missedDate',
      'skippedDate',
      'wonDate',
      'lostDate',
    ];
    const problems = violations((row) => {
      if (row.acceptedDate !== null) {
        if (row.acknowledgedDate === null) return 'accepted without acknowledgement';
        if (time(row.acceptedDate) <= time(row.acknowledgedDate))
          return 'accepted before acknowledged';
      }
      for (const closing of [row.wonDate, row.lostDate]) {
        if (closing === null) continue;
        if (row.acceptedDate === null) return 'won or lost without acceptance';
        if (time(closing) <= time(row.acceptedDate)) return 'won or lost before accepted';
      }
      const reached = outcomes.filter((field) => row[field] !== null);
      if (reached.length > 1) return `several outcomes: ${reached.join(', ')}`;
      if (row.archivedDate !== null) {
        const outcome = reached[0] === undefined ? null : row[reached[0]];
        if (outcome === null) return 'archived while still open';
        if (time(row.archivedDate) <= time(outcome)) return 'archived before its outcome';
      }
      return undefined;
    });
    expect(problems).toEqual([]);
  });

  it('names the latest state reached in status', () => {
    const problems = violations((row) => {
      if (!isOneOf(KNOWN_STATUSES, row.status)) return `unknown status ${row.status}`;
      const statusDate = row[STATUS_DATE_FIELD[row.status]];
      if (statusDate === null) return `status ${row.status} without its date`;
      const latest = Math.max(...DATE_FIELDS.map((f) => time(row[f]) || 0));
      return time(statusDate) === latest
        ? undefined
        : `status ${row.status} is not the latest state`;
    });
    expect(problems).toEqual([]);
  });

  it('expires a referral about 14 days after its last action, and only then', () => {
    const expired = rows.filter((row) => row.expiredDate !== null);
    expect(expired.length).toBeGreaterThan(1000);
    const problems = violations((row) => {
      if (row.expiredDate === null) return undefined;
      const waited = time(row.expiredDate) - time(row.acknowledgedDate ?? row.createdDate);
      return waited >= EXPIRY_AFTER && waited < EXPIRY_AFTER + 6 * HOUR
        ? undefined
        : `expired ${waited / DAY} days after its last action`;
    });
    expect(problems).toEqual([]);
  });

  it('keeps only recent referrals open as New or Acknowledged', () => {
    expect(rows.some((row) => row.status === 'New')).toBe(true);
    expect(rows.some((row) => row.status === 'Acknowledged')).toBe(true);
    const problems = violations((row) => {
      if (row.status !== 'New' && row.status !== 'Acknowledged') return undefined;
      const lastAction = time(row.acknowledgedDate ?? row.createdDate);
      return lastAction > anchor - EXPIRY_AFTER - 6 * HOUR
        ? undefined
        : `${row.status} for too long`;
    });
    expect(problems).toEqual([]);
  });

  it('reaches every known status somewhere', () => {
    const statuses = countBy(rows, (row) => row.status);
    for (const status of KNOWN_STATUSES) expect(statuses.get(status) ?? 0).toBeGreaterThan(20);
  });
});

describe('distributions', () => {
  it('weights customer markets: US first, the large markets next, a long tail', () => {
    const markets = [...countBy(rows, (row) => row.customerMarket)].sort((a, b) => b[1] - a[1]);
    expect(markets[0]?.[0]).toBe('US');
    expect(new Set(markets.slice(0, 10).map(([code]) => code))).toEqual(
      new Set(['US', 'GB', 'DE', 'FR', 'IN', 'JP', 'AU', 'CA', 'BR', 'NL']),
    );
    expect(markets.length).toBeGreaterThanOrEqual(30);
    for (const [code] of markets) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it("usually puts the partner in the customer's market, not always", () => {
    const same =
      rows.filter((row) => row.partnerMarket === row.customerMarket).length / rows.length;
    expect(same).toBeGreaterThan(0.75);
    expect(same).toBeLessThan(0.97);
  });

  it('uses the documented organisation sizes, mostly the current ones', () => {
    const sizes = countBy(rows, (row) => row.customerOrgSize);
    for (const size of sizes.keys()) expect(isOneOf(ORG_SIZES, size)).toBe(true);
    const current = ORG_SIZES.slice(0, 8).reduce((sum, size) => sum + (sizes.get(size) ?? 0), 0);
    expect(current / rows.length).toBeGreaterThan(0.8);
    expect(sizes.size).toBe(ORG_SIZES.length);
  });

  it('has fewer referrals at weekends', () => {
    const byWeekday = countBy(rows, (row) => String(new Date(time(row.createdDate)).getUTCDay()));
    const weekend = ((byWeekday.get('0') ?? 0) + (byWeekday.get('6') ?? 0)) / 2;
    const weekdays =
      ['1', '2', '3', '4', '5'].reduce((sum, d) => sum + (byWeekday.get(d) ?? 0), 0) / 5;
    expect(weekend).toBeLessThan(weekdays * 0.5);
  });

  it('grows over time', () => {
    const firstHalfYear = rows.filter((row) => time(row.createdDate) < monthsBefore(anchor, 18));
    const lastHalfYear = rows.filter((row) => time(row.createdDate) >= monthsBefore(anchor, 6));
    expect(lastHalfYear.length).toBeGreaterThan(firstHalfYear.length * 1.5);
  });

  it('bumps in the last two weeks of each quarter', () => {
    let quarterEnd = 0;
    let before = 0;
    for (const row of rows) {
      const date = new Date(time(row.createdDate));
      if (date.getUTCMonth() % 3 !== 2) continue;
      const monthEnd = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
      const daysLeft = (monthEnd - date.getTime()) / DAY;
      if (daysLeft <= 14) quarterEnd += 1;
      else if (daysLeft <= 28) before += 1;
    }
    expect(quarterEnd).toBeGreaterThan(before * 1.2);
  });

  it('includes every hostile name and names in many scripts', () => {
    const names = new Set(rows.map((row) => row.customerName));
    for (const hostile of HOSTILE_CUSTOMER_NAMES) expect(names).toContain(hostile);
    const all = [...names].join('\n');
    expect(all).toMatch(/[A-Za-z]'[A-Za-z]/);
    expect(all).toMatch(/[éèüößñçåøæł]/);
    for (const script of [/\p{Script=Han}/u, /\p{Script=Katakana}/u, /\p{Script=Greek}/u]) {
      expect(all).toMatch(script);
    }
    for (const script of [/\p{Script=Cyrillic}/u, /\p{Script=Arabic}/u, /\p{Script=Hebrew}/u]) {
      expect(all).toMatch(script);
    }
  });
});
