/** Placeholder while a page's code or first data loads. */
export function PageLoading({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="page-loading" role="status">
      <span className="page-loading__spinner" aria-hidden="true" />
      <span>{label}…</span>
    </div>
  );
}
