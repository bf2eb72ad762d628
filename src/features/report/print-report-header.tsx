// The printed report's header (print only): what the report is, the view's range and filters in words, and when
// its data was fetched; it stands in for the filter bar and the "Data as of" bar, which do not print.
import { oldestActiveAnswer } from '../../components/data-status/query-activity';
import { useQueryCacheValue } from '../../components/data-status/use-query-cache-value';
import { useDashboardFilters } from '../filters';
import { REPORT_TITLE, reportSummary } from './report-summary';

export function PrintReportHeader() {
  const { filters, range, granularity } = useDashboardFilters();
  const asOf = useQueryCacheValue(oldestActiveAnswer);
  const summary = reportSummary({ filters, range, granularity }, asOf);
  return (
    <div className="print-report" data-testid="print-report">
      <p className="print-report__title">{REPORT_TITLE}</p>
      <dl className="print-report__facts">
        <dt>Date range</dt>
        <dd>{summary.range}</dd>
        <dt>Filters</dt>
        <dd>{summary.filters}</dd>
        {summary.asOf !== null && (
          <>
            <dt>Data as of</dt>
            <dd>{summary.asOf}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
