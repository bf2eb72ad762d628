// Print: the browser's print dialog (and its Save as PDF), which lays the page out as a report (print.css).
export function PrintButton({ className = 'button' }: { className?: string }) {
  return (
    <button
      type="button"
      className={className}
      onClick={() => window.print()}
      title="Print this view as a report, or save it as PDF"
    >
      Print
    </button>
  );
}
