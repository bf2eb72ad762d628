import { describe, expect, it } from 'vitest';
import { dashboardView } from '../../filters/dashboardView';
import { DEFAULT_FILTERS, type DashboardFilters } from '../../filters/filterState';
import { outcomeBuckets, outcomeLevel, statusBuckets, type PlanView } from './viewQueries';

const TODAY = '2026-11-24';

function view(filters: Partial<DashboardFilters> = {}, granularity: 'day' | null = null) {
  const base = dashboardView({ ...DEFAULT_FILTERS, ...filters }, granularity, TODAY);
  return { ...base, today: TODAY } satisfies PlanView;
}

describe('view queries', () => {
  it('asks for a stage once, even when the view already keeps only that stage', () => {
    expect(outcomeBuckets(view(), 'current', 'wonDate').query.filter).toMatch(
      / and wonDate ne null$/,
    );
    const reached = view({ reached: 'wonDate' });
    expect(outcomeBuckets(reached, 'current', 'wonDate').query.filter).toBe(reached.apiFilter);
  });

  it('takes the previous period as it stood at the same age: outcomes before the range began', () => {
    const previous = outcomeBuckets(view(), 'previous', 'acceptedDate').query;
    expect(previous.filter).toMatch(/^createdDate ge cast\('2026-05-23'/);
    expect(previous.filter).toMatch(
      / and acceptedDate ne null and acceptedDate lt cast\('2026-08-24', Edm.DateTimeOffset\)$/,
    );
    expect(previous.groupby).toEqual(['createdDate', 'acceptedDate']);
    expect(outcomeBuckets(view(), 'current', 'acceptedDate').query.filter).not.toMatch(
      / lt .* lt /,
    );
  });

  it('reads time series in day buckets up to six months, coarser beyond', () => {
    expect(statusBuckets(view()).query.aggregationLevel).toBe('day');
    expect(outcomeLevel(view())).toBe('day');
    expect(statusBuckets(view({ preset: '12m' })).query.aggregationLevel).toBe('month');
    expect(outcomeLevel(view({ preset: '12m' }))).toBe('week');
    expect(outcomeLevel(view({ preset: '12m' }, 'day'))).toBe('day');
  });
});
