// The dashboard's charts, all following the filter bar. Lives in the lazy dashboard chunk with recharts.
import { useDashboardFilters } from '../filters';
import { BreakdownChart } from './BreakdownChart';
import { FunnelChart } from './FunnelChart';
import { StatusChart } from './StatusChart';
import { WinRateChart } from './WinRateChart';
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
