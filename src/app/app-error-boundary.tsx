// Catches render errors (and failed chunk loads) so the user gets words and a way out instead
// of a blank page.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import './app-error-boundary.css';

interface Props {
  children: ReactNode;
  /** 'page' fills the window (nothing else rendered); 'content' sits inside the shell. */
  variant?: 'page' | 'content';
}

interface State {
  error: Error | null;
}

export class AppErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // The message and component stack only: nothing here carries tokens.
    console.error('Referral Lens crashed:', error.message, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return <CrashNotice error={error} variant={this.props.variant} />;
  }
}

/** What a crash shows: also the router's error element, for a page whose code or render failed. */
export function CrashNotice({
  error,
  variant = 'page',
}: {
  error: Error;
  variant?: Props['variant'];
}) {
  return (
    <div className={`app-error app-error--${variant}`} role="alert">
      <h1 className="app-error__title">Something went wrong</h1>
      <p>
        Referral Lens hit an unexpected problem and stopped showing this page. Your filters are in
        the address bar, so reloading brings you back to the same view.
      </p>
      <p className="app-error__detail">{error.message}</p>
      <div className="app-error__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => window.location.reload()}
        >
          Reload
        </button>
      </div>
    </div>
  );
}
