// Print: the browser's print dialog (and its Save as PDF); the pages that print as a report lay themselves out for
// it (src/features/report/print.css).
export function PrintButton() {
  return (
    <button
      type="button"
      className="button share-toolbar__button"
      onClick={() => window.print()}
      title="Print this view as a report, or save it as PDF"
    >
      Print
    </button>
  );
}
