import { describe, expect, it } from 'vitest';
import { makeReferral } from '../../../../testing/referral';
import { DAY_MS, HOUR_MS } from './expiry';
import {
  awaitingReferrals,
  dataAsOf,
  expiringCounts,
  formatTimeLeft,
  timeLeftMs,
} from './time-left';

const at = (iso: string) => Date.parse(`${iso}Z`);

describe('time left', () => {
  it('counts across a day boundary from the data age, not the calendar day', () => {
    const asOf = at('2026-12-06T00:10:00');
    // Created late on 22 Nov: expires 23:30 on 6 Dec, 23 h 20 min after the data's age.
    expect(timeLeftMs(at('2026-11-22T23:30:00'), asOf)).toBe(23 * HOUR_MS + 20 * 60_000);
    // Created an hour later, on the next day: 24 h 20 min, so not within 24 hours.
    expect(timeLeftMs(at('2026-11-23T00:30:00'), asOf)).toBe(24 * HOUR_MS + 20 * 60_000);
    const list = awaitingReferrals(
      [
        makeReferral({ id: '2', createdDate: '2026-11-23T00:30:00' }),
        makeReferral({ id: '1', createdDate: '2026-11-22T23:30:00' }),
      ],
      asOf,
    );
    expect(list.map((r) => [r.id, formatTimeLeft(r.timeLeftMs)])).toEqual([
      ['1', '23 h 20 min'],
      ['2', '1 d 0 h'],
    ]);
    expect(expiringCounts(list)).toEqual({ within24Hours: 1, within3Days: 2 });
  });

  it('drops a referral exactly 14 days old and keeps one a second younger', () => {
    const asOf = at('2026-12-06T12:00:00');
    const list = awaitingReferrals(
      [
        makeReferral({ id: '1', createdDate: '2026-11-22T12:00:00' }),
        makeReferral({ id: '2', createdDate: '2026-11-22T12:00:01' }),
        makeReferral({ id: '3', createdDate: '2026-11-22T11:59:59' }),
      ],
      asOf,
    );
    expect(list.map((r) => [r.id, r.timeLeftMs])).toEqual([['2', 1000]]);
    expect(timeLeftMs(at('2026-11-22T12:00:00'), asOf)).toBe(0);
    expect(timeLeftMs(at('2026-12-06T12:00:00'), asOf)).toBe(14 * DAY_MS);
  });

  it('keeps only referrals nobody has answered, whatever else their status says', () => {
    const asOf = at('2026-12-06T00:00:00');
    const created = '2026-12-01T00:00:00';
    const list = awaitingReferrals(
      [
        makeReferral({ id: '1', createdDate: created }),
        makeReferral({ id: '2', createdDate: created, status: 'Acknowledged' }),
        makeReferral({ id: '3', createdDate: created, status: 'Accepted' }),
        makeReferral({ id: '4', createdDate: created, status: 'Declined' }),
        makeReferral({
          id: '5',
          createdDate: created,
          status: 'Acknowledged',
          declinedDate: '2026-12-02T00:00:00',
        }),
        makeReferral({ id: '6', createdDate: created, status: 'SomethingNew' }),
      ],
      asOf,
    );
    expect(list.map((r) => r.id)).toEqual(['1', '2']);
  });

  it('takes the data age from the newest date in the rows, never past the clock', () => {
    const rows = [
      makeReferral({ createdDate: '2026-12-01T00:00:00' }),
      makeReferral({ createdDate: '2026-12-02T00:00:00', acknowledgedDate: '2026-12-05T08:00:00' }),
    ];
    expect(dataAsOf(rows, at('2026-12-06T09:00:00'))).toBe(at('2026-12-05T08:00:00'));
    expect(dataAsOf(rows, at('2026-12-04T00:00:00'))).toBe(at('2026-12-04T00:00:00'));
    expect(dataAsOf([], at('2026-12-04T00:00:00'))).toBeNull();
  });

  it('writes time left in whole minutes, rounded down', () => {
    expect(formatTimeLeft(3 * DAY_MS + 4 * HOUR_MS + 59_999)).toBe('3 d 4 h');
    expect(formatTimeLeft(59 * 60_000 + 59_999)).toBe('59 min');
  });
});
