// `/`: the dashboard. Its requests are the plan's (features/overview/api/plan.ts), which its hooks share.
import { dashboardQueries } from '../../features/overview/api/plan';
import type { ViewQueries } from './view-loader';

export const overviewQueries: ViewQueries = ({ client }, { url }, now) =>
  dashboardQueries(client, url.search, now);
