import { PageLoading } from './page-loading';

/** The shell while the signed-in code or the first page's code loads: a spinner where the page will be. */
export function ShellLoading({ label }: { label?: string }) {
  return (
    <div className="app-shell">
      <main id="main" className="app-shell__main">
        <PageLoading label={label} />
      </main>
    </div>
  );
}
