// Which referrals wait for an answer and how long they have left, counted from the data's age: Partner Center's
// analytics lag by about a day, so "now" for these rows is the newest date they carry, not the clock.
import { parseIsoInstant } from '../../../../lib/filter-grammar';
import { DATE_FIELDS, type Referral } from '../../../../lib/referrals/schema';
import {
  ANSWERED_FIELDS,
  AWAITING_STATUSES,
  DAY_MS,
  EXPIRY_MS,
  HOUR_MS,
  SOON_DAYS,
} from './expiry';

export interface AwaitingReferral {
  id: string;
  status: string;
  customerName: string;
  customerMarket: string;
  createdMs: number;
  /** When it expires without an answer: created + 14 days. */
  expiresMs: number;
  /** Milliseconds from the data's age to expiry; always > 0. */
  timeLeftMs: number;
}

const awaitingStatuses: ReadonlySet<string> = new Set(AWAITING_STATUSES);

function instant(value: string | null): number | null {
  return value ? parseIsoInstant(value) : null;
}

/**
 * The instant the rows describe: the newest date any of them carries, never later than the clock. Null when no
 * row has a date (then only the clock is left).
 */
export function dataAsOf(rows: readonly Referral[], nowMs: number): number | null {
  let newest: number | null = null;
  for (const row of rows) {
    for (const field of DATE_FIELDS) {
      const at = instant(row[field]);
      if (at !== null && (newest === null || at > newest)) newest = at;
    }
  }
  return newest === null ? null : Math.min(newest, nowMs);
}

/** Time from `asOfMs` until a referral created at `createdMs` expires (negative once expired). */
export function timeLeftMs(createdMs: number, asOfMs: number): number {
  return createdMs + EXPIRY_MS - asOfMs;
}

/**
 * The referrals still waiting for an answer as of `asOfMs` (status New or Acknowledged, no answer date, not yet
 * 14 days old), least time left first; ties by id so the order is stable.
 */
export function awaitingReferrals(rows: readonly Referral[], asOfMs: number): AwaitingReferral[] {
  const out: AwaitingReferral[] = [];
  for (const row of rows) {
    if (!awaitingStatuses.has(row.status)) continue;
    if (ANSWERED_FIELDS.some((field) => row[field] !== null)) continue;
    const createdMs = instant(row.createdDate);
    if (createdMs === null) continue;
    const left = timeLeftMs(createdMs, asOfMs);
    if (left <= 0) continue;
    out.push({
      id: row.id,
      status: row.status,
      customerName: row.customerName,
      customerMarket: row.customerMarket,
      createdMs,
      expiresMs: createdMs + EXPIRY_MS,
      timeLeftMs: left,
    });
  }
  return out.sort(
    (a, b) => a.timeLeftMs - b.timeLeftMs || a.id.localeCompare(b.id, 'en', { numeric: true }),
  );
}

export interface ExpiringCounts {
  within24Hours: number;
  /** Includes those within 24 hours. */
  within3Days: number;
}

export function expiringCounts(list: readonly AwaitingReferral[]): ExpiringCounts {
  let within24Hours = 0;
  let within3Days = 0;
  for (const { timeLeftMs: left } of list) {
    if (left <= DAY_MS) within24Hours++;
    if (left <= SOON_DAYS * DAY_MS) within3Days++;
  }
  return { within24Hours, within3Days };
}

/** "3 d 4 h", "5 h 12 min", "42 min": whole minutes, rounded down so the figure never promises too much. */
export function formatTimeLeft(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${rest} min`;
  return `${rest} min`;
}

/** Hours left, for sorting and the CSV: one decimal, rounded down. */
export function hoursLeft(ms: number): number {
  return Math.floor((ms / HOUR_MS) * 10) / 10;
}
