import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, dashboardView, type DashboardFilters } from '../../filters';
import { statusBucketsQuery } from './status-buckets';
import { usePlanned, type PlanState } from './use-planned-queries';
import { TEST_NOW, TestClock } from '../../../testing/render-with-dashboard';

const TODAY = TEST_NOW.toISOString().slice(0, 10);

const state = (granularity: 'day' | 'week' | 'month', filters: Partial<DashboardFilters> = {}) => {
  const { range, comparison } = dashboardView(
    { ...DEFAULT_FILTERS, ...filters },
    granularity,
    TODAY,
  );
  return { filters: { ...DEFAULT_FILTERS, ...filters }, range, comparison, granularity };
};

function planned(initial: PlanState) {
  return renderHook(({ view }) => usePlanned(view, statusBucketsQuery), {
    initialProps: { view: initial },
    wrapper: TestClock,
  });
}

describe('usePlanned', () => {
  it('keeps the same queries when a new view asks for the same ones (day buckets serve every granularity)', () => {
    const filters = { ...DEFAULT_FILTERS };
    const hook = planned({ ...state('week'), filters });
    const first = hook.result.current;
    expect(first.query.aggregationLevel).toBe('day');
    hook.rerender({ view: { ...state('month'), filters } });
    expect(hook.result.current).toBe(first);
  });

  it('gives new queries when the view asks for others', () => {
    const hook = planned(state('week', { preset: '12m' }));
    const first = hook.result.current;
    expect(first.query.aggregationLevel).toBe('week');
    hook.rerender({ view: state('month', { preset: '12m' }) });
    expect(hook.result.current).not.toBe(first);
    expect(hook.result.current.query.aggregationLevel).toBe('month');
  });
});
