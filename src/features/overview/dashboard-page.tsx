// The signed-in home page, loaded as its own chunk after sign-in.
import { AwaitingSection } from './awaiting';
import { DashboardCharts } from './charts/dashboard-charts';
import { FilterBar } from '../filters';
import { KpiTiles } from './kpis/kpi-tiles';
import { ReferralsSection } from '../referrals';
import { PrintReportHeader } from '../report';
import './dashboard-page.css';

export function DashboardPage() {
  return (
    <div className="dashboard">
      <PrintReportHeader />
      <header className="dashboard__header">
        <h1 className="dashboard__title">Referrals overview</h1>
        <p className="dashboard__subtitle">
          Partner Center referrals analytics. Figures lag Partner Center by about a day.
        </p>
      </header>
      <FilterBar />
      <section className="dashboard__kpis" aria-label="Key figures">
        <KpiTiles />
      </section>
      <AwaitingSection />
      <DashboardCharts />
      <ReferralsSection />
    </div>
  );
}
