// The dashboard's charts, all following the filter bar. Lives in the lazy dashboard chunk with recharts.
import { useDashboardFilters } from '../../filters';
import { BreakdownChart } from './breakdown-chart';
import { FunnelChart } from './funnel-chart';
import { StatusChart } from './status-chart';
import { WinRateChart } from './win-rate-chart';
import './charts.css';

export function DashboardCharts() {
  const state = useDashboardFilters();
  return (
    <section className="dashboard-charts" aria-label="Charts">
      <div className="dashboard-charts__wide">
        <StatusChart state={state} />
      </div>
      <FunnelChart state={state} />
      <WinRateChart state={state} />
      <BreakdownChart field="customerMarket" state={state} />
      <BreakdownChart field="customerOrgSize" state={state} />
    </section>
  );
}
