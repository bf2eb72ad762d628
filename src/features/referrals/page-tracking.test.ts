import { describe, expect, it } from 'vitest';
import { startPageTracking, trackPage } from './page-tracking';

describe('page tracking', () => {
  const onPage4 = startPageTracking("status eq 'Won'", 4);

  it('keeps the page while the filter stays', () => {
    expect(trackPage(onPage4, "status eq 'Won'", 4)).toBe(onPage4);
    expect(trackPage(onPage4, "status eq 'Won'", 5).page).toBe(5);
  });

  it('returns to the first page when the filter changes and the URL page does not', () => {
    const changed = trackPage(onPage4, "status eq 'Lost'", 4);
    expect(changed.page).toBe(1);
    // Once the URL has caught up (page 1), it stays at 1.
    expect(trackPage(changed, "status eq 'Lost'", 1).page).toBe(1);
    // Paging on from there works as usual.
    expect(trackPage(trackPage(changed, "status eq 'Lost'", 1), "status eq 'Lost'", 2).page).toBe(
      2,
    );
  });

  it('treats removing or adding a filter as a change', () => {
    expect(trackPage(onPage4, undefined, 4).page).toBe(1);
    expect(trackPage(startPageTracking(undefined, 3), "status eq 'Won'", 3).page).toBe(1);
  });

  it('takes the page a navigation brings with a new filter (back, forward, a link)', () => {
    expect(trackPage(onPage4, "status eq 'Lost'", 7).page).toBe(7);
  });
});
