import { describe, expect, it } from 'vitest';
import { fakeReferralsApi } from '../../../../lib/api/fake-referrals-api';
import { referral } from '../../../../lib/api/test-helpers';
import type { Referral } from '../../../../lib/referrals/schema';
import { DEFAULT_FILTERS } from '../../../filters';
import { awaitingDays, restCountFilter, restFilter, soonestFilter } from '../../api/awaiting-list';
import { awaitingView } from './awaiting-view';
import { awaitingReferrals, dataAsOf, expiringCounts } from './time-left';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);

/**
 * Open and answered referrals over the last 20 days at uneven hours (a fixed pattern), some acknowledged later,
 * a few New ones carrying an answer date all the same; the newest date `lagHours` before `now`.
 */
function rowsUntil(now: number, lagHours: number): Referral[] {
  const newest = now - lagHours * HOUR;
  return Array.from({ length: 600 }, (_, i) => {
    const created = newest - ((i * 7919) % (20 * 24)) * HOUR - ((i * 13) % 60) * 60_000;
    const acknowledged = i % 3 === 0 ? Math.min(newest, created + ((i * 31) % 90) * HOUR) : null;
    const status = i % 5 === 0 ? 'Accepted' : acknowledged !== null ? 'Acknowledged' : 'New';
    return referral({
      id: String(i),
      status,
      createdDate: iso(created),
      acknowledgedDate: acknowledged === null ? null : iso(acknowledged),
      acceptedDate: status === 'Accepted' ? iso(created) : null,
      declinedDate: i % 37 === 0 && status === 'New' ? iso(created) : null,
    });
  });
}

/** What the list was before it was split: every open row of the last 15 days at once. */
function wholeList(rows: readonly Referral[], now: number) {
  const open = rows.filter(
    (row) =>
      (row.status === 'New' || row.status === 'Acknowledged') &&
      (row.createdDate ?? '') >= awaitingDays(new Date(now)).from,
  );
  const asOf = dataAsOf(open, now) ?? now;
  const list = awaitingReferrals(open, asOf);
  return { asOf, list, counts: expiringCounts(list) };
}

describe('the awaiting list from the soonest rows, a count and the rest on demand', () => {
  it.each([
    ['data a few hours old, early in the day', '2026-12-06T01:30:00Z', 3],
    ['data a day old, late in the day', '2026-12-06T22:10:00Z', 23],
    ['data 20 hours old', '2026-12-06T12:00:00Z', 20],
  ])('gives exactly the whole list’s figures: %s', (_, nowText, lag) => {
    const now = Date.parse(nowText);
    const rows = rowsUntil(now, lag);
    const api = fakeReferralsApi(rows);
    const days = awaitingDays(new Date(now));
    const soonest = api.page({ filter: soonestFilter(DEFAULT_FILTERS, days) }).rows;
    const restCount = api
      .grouped({ filter: restCountFilter(DEFAULT_FILTERS, days), groupby: ['status'] })
      .buckets.reduce((sum, bucket) => sum + bucket.count, 0);
    const rest = api.page({ filter: restFilter(DEFAULT_FILTERS, days) }).rows;
    const expected = wholeList(rows, now);
    expect(expected.list.length).toBeGreaterThan(50);
    expect(expected.counts.within24Hours).toBeGreaterThan(0);
    // Rows held at first: fewer than half.
    expect(soonest.length).toBeLessThan(expected.list.length / 2);

    const first = awaitingView({ soonest, restCount, rest: undefined }, now, days);
    if (first === null || first === 'needsRest') throw new Error(`no view: ${first}`);
    expect(first.asOfMs).toBe(expected.asOf);
    expect(first.total).toBe(expected.list.length);
    expect(first.counts).toEqual(expected.counts);
    expect(first.complete).toBe(false);
    // The soonest of the whole list, in its order.
    expect(first.list).toEqual(expected.list.slice(0, first.list.length));
    expect(first.list.length).toBeGreaterThanOrEqual(expected.counts.within3Days);

    const whole = awaitingView({ soonest, restCount, rest }, now, days);
    expect(whole).toEqual({
      asOfMs: expected.asOf,
      fromData: true,
      list: expected.list,
      total: expected.list.length,
      counts: expected.counts,
      complete: true,
    });
  });

  it.each([
    ['nothing since yesterday', '2026-12-06T12:00:00Z', 40],
    ['data from today', '2026-12-06T22:10:00Z', 5],
  ])('asks for the rest when the soonest rows cannot date the data: %s', (_, nowText, lag) => {
    const now = Date.parse(nowText);
    const rows = rowsUntil(now, lag);
    const api = fakeReferralsApi(rows);
    const days = awaitingDays(new Date(now));
    const soonest = api.page({ filter: soonestFilter(DEFAULT_FILTERS, days) }).rows;
    const answer = awaitingView({ soonest, restCount: 10, rest: undefined }, now, days);
    expect(answer).toBe('needsRest');
    const rest = api.page({ filter: restFilter(DEFAULT_FILTERS, days) }).rows;
    const whole = awaitingView({ soonest, restCount: undefined, rest }, now, days);
    const expected = wholeList(rows, now);
    expect(whole).toMatchObject({ asOfMs: expected.asOf, list: expected.list, complete: true });
  });

  it('waits for the count, and is complete when the count is zero', () => {
    const now = Date.parse('2026-12-06T12:00:00Z');
    const soonest = [
      referral({
        id: '1',
        status: 'New',
        createdDate: iso(now - 20 * HOUR),
        acknowledgedDate: null,
        acceptedDate: null,
      }),
    ];
    const args = [now, awaitingDays(new Date(now))] as const;
    expect(awaitingView({ soonest, restCount: undefined, rest: undefined }, ...args)).toBeNull();
    expect(awaitingView({ soonest, restCount: 0, rest: undefined }, ...args)).toMatchObject({
      total: 1,
      complete: true,
    });
  });
});
