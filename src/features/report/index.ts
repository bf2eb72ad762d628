// The report feature's public face: the printed report's header, for the pages that print as a report. Its
// stylesheet (print.css) lays every signed-in page out for print, so the signed-in layout loads it; the Print button
// itself is the share toolbar's (saved-views).

export { PrintReportHeader } from './print-report-header';
