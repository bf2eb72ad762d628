// The report feature's public face: the printed report's header, for the pages that print as a report; its
// stylesheet lays the page out for print. The Print button itself is the share toolbar's (saved-views), so the
// signed-in shell does not load the report's code.
import './print.css';

export { PrintReportHeader } from './print-report-header';
