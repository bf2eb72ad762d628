// The signed-in home page, loaded as its own chunk after sign-in.
import { useState } from 'react';
import { RECENT_DAYS, recentReferralsFilter } from './recent-filter';
import { TotalReferralsTile } from './TotalReferralsTile';
import './DashboardPage.css';

export function DashboardPage() {
  // Fixed for the page's life: a tile that changed its range at midnight would surprise.
  const [recentFilter] = useState(() => recentReferralsFilter(new Date()));
  return (
    <div className="dashboard">
      <header className="dashboard__header">
        <h1 className="dashboard__title">Referrals overview</h1>
        <p className="dashboard__subtitle">
          Partner Center referrals analytics. Figures lag Partner Center by about a day.
        </p>
      </header>
      <section className="dashboard__kpis" aria-label="Key figures">
        <TotalReferralsTile
          filter={recentFilter}
          caption={`Created in the last ${RECENT_DAYS} days`}
        />
      </section>
    </div>
  );
}
