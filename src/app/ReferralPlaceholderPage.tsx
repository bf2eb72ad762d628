// The /referrals/:id route until the referrals feature's drill-down replaces it.
import { Link, useParams } from 'react-router';

export function ReferralPlaceholderPage() {
  const { id = '' } = useParams();
  return (
    <div className="simple-page">
      <h1>Referral {id}</h1>
      <Link to="/" className="button">
        Back to the dashboard
      </Link>
    </div>
  );
}
