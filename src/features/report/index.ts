// The report feature's public face: the Print button and the printed report's header; its stylesheet lays out
// every page for print.
import './print.css';

export { PrintButton } from './PrintButton';
export { PrintReportHeader } from './PrintReportHeader';
