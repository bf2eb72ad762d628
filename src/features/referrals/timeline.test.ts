import { describe, expect, it } from 'vitest';
import type { Referral } from '../../lib/referrals/schema';
import { describeDuration, lifecycleTimeline } from './timeline';
import { makeReferral } from '../../testing/referral';

function referral(dates: Partial<Referral>): Referral {
  return makeReferral({
    status: 'Won',
    customerOrgSize: '10to50employees',
    createdDate: '2026-01-01T08:00:00',
    ...dates,
  });
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('lifecycleTimeline', () => {
  it('lists the dates present in the order they happened with the time between steps', () => {
    const steps = lifecycleTimeline(
      referral({
        acknowledgedDate: '2026-01-01T10:30:00',
        acceptedDate: '2026-01-03T10:30:00',
        wonDate: '2026-02-03T10:30:00',
      }),
    );
    expect(steps.map((step) => [step.label, step.at.toISOString(), step.sincePrevious])).toEqual([
      ['Created', '2026-01-01T08:00:00.000Z', null],
      ['Acknowledged', '2026-01-01T10:30:00.000Z', 2.5 * HOUR],
      ['Accepted', '2026-01-03T10:30:00.000Z', 2 * DAY],
      ['Won', '2026-02-03T10:30:00.000Z', 31 * DAY],
    ]);
  });

  it('orders by date, not by field, and keeps lifecycle order for equal instants', () => {
    const steps = lifecycleTimeline(
      referral({
        createdDate: '2026-01-01T00:00:00',
        archivedDate: '2026-01-05T00:00:00',
        expiredDate: '2026-01-05T00:00:00',
        acknowledgedDate: '2026-01-02T00:00:00',
      }),
    );
    expect(steps.map((step) => step.field)).toEqual([
      'createdDate',
      'acknowledgedDate',
      'expiredDate',
      'archivedDate',
    ]);
    expect(steps[3]?.sincePrevious).toBe(0);
  });

  it('covers every terminal state and leaves out unreadable dates', () => {
    for (const field of [
      'declinedDate',
      'expiredDate',
      'missedDate',
      'skippedDate',
      'lostDate',
    ] as const) {
      const steps = lifecycleTimeline(referral({ [field]: '2026-01-02T00:00:00' }));
      expect(steps.map((step) => step.field)).toEqual(['createdDate', field]);
    }
    expect(lifecycleTimeline(referral({ wonDate: 'garbage' }))).toHaveLength(1);
    expect(lifecycleTimeline(referral({ createdDate: null }))).toEqual([]);
  });
});

describe('describeDuration', () => {
  const start = new Date('2026-03-27T12:00:00Z');
  const after = (ms: number) => describeDuration(start, new Date(start.getTime() + ms));

  it('names the two largest units', () => {
    expect(after(2.5 * HOUR)).toBe('2 hours 30 minutes');
    expect(after(3 * DAY + 4 * HOUR + 5 * 60_000)).toBe('3 days 4 hours');
    expect(after(45_000)).toBe('45 seconds');
    expect(after(35 * DAY)).toBe('1 month 4 days');
  });

  it('counts whole days across a daylight-saving change', () => {
    // Europe and the US move their clocks in late March; UTC days are always 24 hours.
    expect(after(DAY)).toBe('1 day');
    expect(after(7 * DAY)).toBe('7 days');
  });

  it('says when steps were simultaneous or out of order', () => {
    expect(after(0)).toBe('at the same time');
    expect(after(500)).toBe('under a second');
    expect(after(-HOUR)).toBe('1 hour earlier');
  });
});
