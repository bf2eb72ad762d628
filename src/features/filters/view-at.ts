// The view an address describes, read outside React: for a route's loader, which starts the view's requests
// before its components render and must ask for exactly what their hooks (useDashboardFilters) will.
import { utcToday } from './date-range';
import { dashboardView, type DashboardView } from './dashboard-view';
import { parseFilters } from './url-state';

/** `search`: the address's query string; `now`: the clock the page will read. */
export function dashboardViewAt(search: string, now: Date): DashboardView {
  const { filters, granularity, compare } = parseFilters(search);
  return dashboardView(filters, granularity, utcToday(now), compare);
}
