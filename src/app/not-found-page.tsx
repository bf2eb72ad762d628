import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <div className="simple-page">
      <h1>Page not found</h1>
      <p>Referral Lens has no page at this address.</p>
      <Link to="/" className="button">
        Go to the dashboard
      </Link>
    </div>
  );
}
