import { act, renderHook } from '@testing-library/react';
import { NuqsTestingAdapter } from 'nuqs/adapters/testing';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { ClockProvider } from './clock';
import { useDashboardFilters, useViewFilters } from './use-dashboard-filters';

const NOW = new Date('2026-11-24T12:00:00Z');

function wrapper({ children }: { children: ReactNode }) {
  return (
    <NuqsTestingAdapter searchParams="?status=Won" hasMemory>
      <ClockProvider now={() => NOW}>{children}</ClockProvider>
    </NuqsTestingAdapter>
  );
}

/** Both hooks side by side, as the filter bar and the table read them. */
function useBoth() {
  return { dashboard: useDashboardFilters(), view: useViewFilters() };
}

describe('useDashboardFilters', () => {
  it('keeps the filters, range and comparison as they were when only the granularity changes', () => {
    const { result } = renderHook(() => useDashboardFilters(), { wrapper });
    const before = result.current;
    expect(before.granularity).toBe('week');

    act(() => before.setGranularity('month'));

    const after = result.current;
    expect(after.granularity).toBe('month');
    expect(after.granularityChoice).toBe('month');
    expect(after.filters).toBe(before.filters);
    expect(after.range).toBe(before.range);
    expect(after.comparison).toBe(before.comparison);
    expect(after.description).toBe(before.description);
  });

  it('gives the view without the granularity the same object across a granularity change', () => {
    const { result } = renderHook(useBoth, { wrapper });
    const view = result.current.view;

    act(() => result.current.dashboard.setGranularity('month'));

    expect(result.current.dashboard.granularity).toBe('month');
    expect(result.current.view).toBe(view);
    expect(result.current.view.filters.status).toEqual(['Won']);
  });

  it('still changes the view when a filter changes', () => {
    const { result } = renderHook(() => useViewFilters(), { wrapper });
    const before = result.current;

    act(() => before.setFilters({ status: ['Lost'] }));

    expect(result.current).not.toBe(before);
    expect(result.current.filters.status).toEqual(['Lost']);
  });
});
