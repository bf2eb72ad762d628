// `/referrals/:id`: the referral and the list page it was opened from (usually cached already).
import { drilldownQueries } from '../../features/referrals';
import type { ViewQueries } from './view-loader';

export const referralQueries: ViewQueries = ({ client }, { url, params }, now) =>
  drilldownQueries(client, params.id ?? '', url.search, now);
