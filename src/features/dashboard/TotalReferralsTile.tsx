import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { KpiTile } from '../../components/KpiTile';
import { queryProblem } from '../../components/query-problem';
import { useReferralsClient } from '../../lib/api/client-context';
import { referralsCountQuery } from '../../lib/api/queries';

const countFormat = new Intl.NumberFormat('en-US');

/** The number of referrals matching `filter` (all referrals when undefined). */
export function TotalReferralsTile({
  filter,
  caption,
}: {
  filter: string | undefined;
  caption: string;
}) {
  const client = useReferralsClient();
  const query = useQuery({
    ...referralsCountQuery(client, filter),
    placeholderData: keepPreviousData,
  });
  return (
    <KpiTile
      label="Total referrals"
      value={query.data === undefined ? null : countFormat.format(query.data)}
      caption={caption}
      problem={queryProblem(query)}
      updating={query.isPlaceholderData}
    />
  );
}
