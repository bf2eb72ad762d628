// Shown instead of the app when it cannot start: missing or wrong settings, or MSAL failing to
// initialise. Says what is wrong and how to start the app properly, never a blank screen.
import { BrandMark } from '../components/brand-mark';
import './startup-problem-page.css';

export function StartupProblemPage({ title, problem }: { title: string; problem: string }) {
  return (
    <main className="startup-problem">
      <div className="startup-problem__card" role="alert">
        <BrandMark className="startup-problem__mark" />
        <h1>{title}</h1>
        <p className="startup-problem__problem">{problem}</p>
        <p>
          Start Referral Lens with <code>npm start</code> (sandbox mode, no account needed) or, for
          a production build, <code>npm run build</code> then <code>npm run serve</code>, and open
          the address it prints. For live mode, check the settings in <code>.env.local</code> as the
          README describes.
        </p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    </main>
  );
}
