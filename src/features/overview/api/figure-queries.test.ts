import { describe, expect, it } from 'vitest';
import type { ComparisonChoice } from '../../../lib/dates/comparison';
import { dashboardView } from '../../filters';
import { DEFAULT_FILTERS, type DashboardFilters } from '../../filters';
import { fakeReferralsApi } from '../../../lib/api/fake-referrals-api';
import { referral } from '../../../lib/api/test-helpers';
import type { ReferralBucket } from '../../../lib/api/types';
import type { Referral } from '../../../lib/referrals/schema';
import {
  outcomeBuckets,
  outcomeBucketsBothPeriods,
  periodsShareOutcomeQueries,
  sliceOf,
} from './outcome-buckets';
import { outcomeLevel, type PlanView } from './plan-view';
import { bucketsOf } from './planned-query';
import { funnelQueries, STAGE_GROUPS, stageCountsOf } from './funnel-counts';
import { STAGE_DATES } from './plan-view';
import { statusBucketsQuery } from './status-buckets';
import { lostAcceptedBuckets } from './win-rate-maturity';

const TODAY = '2026-11-24';

function view(
  filters: Partial<DashboardFilters> = {},
  granularity: 'day' | null = null,
  compare: ComparisonChoice = 'previous',
) {
  const base = dashboardView({ ...DEFAULT_FILTERS, ...filters }, granularity, TODAY, compare);
  return { ...base, today: TODAY } satisfies PlanView;
}

describe('figure queries', () => {
  it('asks for a stage once, even when the view already keeps only that stage', () => {
    expect(outcomeBuckets(view(), 'current', 'wonDate').query.filter).toMatch(
      / and wonDate ne null$/,
    );
    const reached = view({ reached: 'wonDate' });
    expect(outcomeBuckets(reached, 'current', 'wonDate').query.filter).toBe(reached.apiFilter);
  });

  it('takes the previous period as it stood at the same age: outcomes before the day before the range began', () => {
    const previous = outcomeBuckets(view(), 'previous', 'acceptedDate').query;
    expect(previous.filter).toMatch(/^createdDate ge cast\('2026-05-23'/);
    expect(previous.filter).toMatch(
      / and acceptedDate ne null and acceptedDate lt cast\('2026-08-23', Edm.DateTimeOffset\)$/,
    );
    expect(previous.groupby).toEqual(['createdDate', 'acceptedDate']);
    expect(outcomeBuckets(view(), 'current', 'acceptedDate').query.filter).not.toMatch(
      / lt .* lt /,
    );
  });

  it('takes the same period last year as it stood a year before today, in the same request as this period', () => {
    const lastYear = view({}, null, 'last-year');
    expect(outcomeBuckets(lastYear, 'previous', 'wonDate').query.filter).toBe(
      "createdDate ge cast('2025-08-24', Edm.DateTimeOffset) and createdDate lt cast('2025-11-25', Edm.DateTimeOffset) and wonDate ne null and wonDate lt cast('2025-11-24', Edm.DateTimeOffset)",
    );
    // A year apart, the request leaves out the nine months between the periods.
    expect(periodsShareOutcomeQueries(lastYear)).toBe(true);
    expect(outcomeBucketsBothPeriods(lastYear, 'wonDate').query.filter).toBe(
      "createdDate ge cast('2025-08-24', Edm.DateTimeOffset) and createdDate lt cast('2026-11-25', Edm.DateTimeOffset) and wonDate ne null and (createdDate ge cast('2026-08-24', Edm.DateTimeOffset) or createdDate lt cast('2025-11-25', Edm.DateTimeOffset) and wonDate lt cast('2025-11-24', Edm.DateTimeOffset))",
    );
    expect(periodsShareOutcomeQueries(view())).toBe(true);
  });

  it('has no comparison period to ask for when comparisons are off', () => {
    const off = view({}, null, 'off');
    expect(periodsShareOutcomeQueries(off)).toBe(false);
    expect(() => outcomeBuckets(off, 'previous', 'wonDate')).toThrow();
  });

  it('reads time series in day buckets up to six months, coarser beyond', () => {
    expect(statusBucketsQuery(view()).query.aggregationLevel).toBe('day');
    expect(outcomeLevel(view())).toBe('day');
    expect(statusBucketsQuery(view({ preset: '12m' })).query.aggregationLevel).toBe('month');
    expect(outcomeLevel(view({ preset: '12m' }))).toBe('week');
    expect(outcomeLevel(view({ preset: '12m' }, 'day'))).toBe('day');
  });
});

describe('outcome buckets of both periods in one request', () => {
  const DAY_MS = 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);
  /**
   * Referrals created over both periods, before them and a year earlier, accepted and won days to months later (a
   * fixed pattern).
   */
  const rows: Referral[] = Array.from({ length: 900 }, (_, i) => {
    const created =
      Date.parse('2025-07-01T00:00:00Z') + ((i * 7919) % 505) * DAY_MS + (i % 24) * 3_600_000;
    const accepted = i % 3 === 0 ? null : created + ((i * 31) % 60) * DAY_MS;
    const won = accepted === null || i % 2 === 0 ? null : accepted + ((i * 17) % 90) * DAY_MS;
    const today = Date.parse(`${TODAY}T23:59:59Z`);
    return referral({
      id: String(i),
      createdDate: iso(created),
      acceptedDate: accepted !== null && accepted <= today ? iso(accepted) : null,
      wonDate: won !== null && won <= today ? iso(won) : null,
      customerMarket: i % 4 === 0 ? 'DE' : 'US',
    });
  });
  const api = fakeReferralsApi(rows);
  const sorted = (buckets: readonly ReferralBucket[]) =>
    buckets.map((bucket) => JSON.stringify(bucket)).sort();

  it.each([
    ['the default view', view()],
    [
      'a market filter and the accepted date',
      view({ customerMarket: ['DE'], dateField: 'acceptedDate' }),
    ],
    ['the same period last year', view({}, null, 'last-year')],
    [
      'the same period last year by the accepted date',
      view({ dateField: 'acceptedDate' }, null, 'last-year'),
    ],
  ])('gives each period exactly the buckets of its own query, for %s', (_, planView) => {
    expect(periodsShareOutcomeQueries(planView)).toBe(true);
    let compared = 0;
    for (const stage of ['acceptedDate', 'wonDate'] as const) {
      const both = outcomeBucketsBothPeriods(planView, stage);
      const answer = api.grouped({ ...both.query, top: 10_000 }).buckets;
      for (const period of ['current', 'previous'] as const) {
        const own = api.grouped({ ...outcomeBuckets(planView, period, stage).query, top: 10_000 });
        compared += own.buckets.length;
        expect(sorted(bucketsOf(sliceOf(both, planView, period), answer))).toEqual(
          sorted(own.buckets),
        );
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('counts the lost per date bucket as grouping by the lost date too would, in fewer buckets', () => {
    const lossy = rows.map((row, i) =>
      i % 5 === 1 && row.acceptedDate !== null && row.wonDate === null
        ? { ...row, lostDate: row.acceptedDate }
        : row,
    );
    const lostApi = fakeReferralsApi(lossy);
    const planned = lostAcceptedBuckets(view()).query;
    expect(planned.groupby).toEqual(['createdDate']);
    const byDay = (buckets: readonly ReferralBucket[]) => {
      const sums = new Map<string, number>();
      for (const { key, count } of buckets)
        sums.set(key.createdDate ?? '', (sums.get(key.createdDate ?? '') ?? 0) + count);
      return sums;
    };
    const alone = lostApi.grouped({ ...planned, top: 10_000 }).buckets;
    const withLostDay = lostApi.grouped({
      ...planned,
      groupby: ['createdDate', 'lostDate'],
      top: 10_000,
    }).buckets;
    expect(alone.length).toBeGreaterThan(5);
    expect(byDay(alone)).toEqual(byDay(withLostDay));
    expect(withLostDay.length).toBeGreaterThanOrEqual(alone.length);
  });

  it('is not used where buckets are coarser than a day and could straddle the periods', () => {
    expect(periodsShareOutcomeQueries(view({ preset: '12m' }))).toBe(false);
  });
});

describe('funnel queries', () => {
  it('groups every stage date once, in one query for a few months and three beyond', () => {
    expect(STAGE_GROUPS.flat().sort()).toEqual([...STAGE_DATES].sort());
    expect(funnelQueries(view()).map((planned) => planned.query.groupby)).toEqual([STAGE_DATES]);
    expect(funnelQueries(view({ preset: '12m' }))).toHaveLength(3);
    const byAccepted = funnelQueries(view({ preset: '12m', dateField: 'acceptedDate' }));
    expect(byAccepted.map((planned) => planned.query.groupby)).toEqual([
      STAGE_GROUPS[0],
      ['wonDate'],
      STAGE_GROUPS[2],
    ]);
  });

  it("gives each stage the count of referrals with its date set, and every group's buckets add up to all", () => {
    const DAY_MS = 86_400_000;
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);
    const dated = Array.from({ length: 600 }, (_, i) => {
      const created = Date.parse('2025-12-01T00:00:00Z') + ((i * 7919) % 350) * DAY_MS;
      const at = (days: number, when: boolean) => (when ? iso(created + days * DAY_MS) : null);
      return referral({
        id: String(i),
        createdDate: iso(created),
        acknowledgedDate: at(1 + (i % 40), i % 2 === 0),
        acceptedDate: at(3 + (i % 50), i % 3 === 0),
        declinedDate: at(2, i % 7 === 1),
        expiredDate: at(14, i % 11 === 2),
        missedDate: at(20, i % 13 === 3),
        skippedDate: at(5, i % 17 === 4),
        wonDate: at(60 + (i % 90), i % 6 === 0),
        lostDate: at(40 + (i % 70), i % 9 === 3),
        archivedDate: at(100 + (i % 200), i % 5 === 0),
      });
    });
    const fake = fakeReferralsApi(dated);
    const planView = view({ preset: '12m' });
    const queries = funnelQueries(planView);
    expect(queries).toHaveLength(3);
    const inView = dated.filter((row) => {
      const day = row.createdDate?.slice(0, 10) ?? '';
      return day >= planView.range.from && day <= planView.range.to;
    });
    expect(inView.length).toBeGreaterThan(300);
    const answers = queries.map(
      (planned) => fake.grouped({ ...planned.query, top: 10_000 }).buckets,
    );
    for (const buckets of answers) {
      expect(buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(inView.length);
    }
    const counts = stageCountsOf(queries, answers);
    for (const field of ['createdDate', ...STAGE_DATES] as const) {
      expect(counts[field], field).toBe(inView.filter((row) => row[field] !== null).length);
    }
    expect(counts.wonDate).toBeGreaterThan(0);
    expect(counts.archivedDate).toBeGreaterThan(0);
  });
});
