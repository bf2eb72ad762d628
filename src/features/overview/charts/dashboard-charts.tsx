// The dashboard's charts, all following the filter bar. Lives in the lazy dashboard chunk with recharts.
import { useMemo } from 'react';
import { useDashboardFilters } from '../../filters';
import { BreakdownChart } from './breakdown-chart';
import { FunnelChart } from './funnel-chart';
import { StatusChart } from './status-chart';
import { WinRateChart } from './win-rate-chart';
import './charts.css';

export function DashboardCharts() {
  const state = useDashboardFilters();
  // The same element while the state is the same object (nuqs re-renders its hooks as it syncs the URL after a
  // change), so React leaves the charts alone then.
  return useMemo(
    () => (
      <section className="dashboard-charts" aria-label="Charts">
        <div className="dashboard-charts__wide">
          <StatusChart state={state} />
        </div>
        <FunnelChart state={state} />
        <WinRateChart state={state} />
        <BreakdownChart field="customerMarket" state={state} />
        <BreakdownChart field="customerOrgSize" state={state} />
      </section>
    ),
    [state],
  );
}
