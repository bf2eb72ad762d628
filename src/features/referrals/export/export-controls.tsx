import { useId, useState } from 'react';
import type { ExportFormat } from './export-store';
import { useReferralsExport } from './referrals-export';

/** The export-all button, where focus returns when its status panel closes. */
export const EXPORT_ALL_BUTTON_ID = 'export-all-matching-rows';

export interface ExportControlsProps {
  /** False while nothing is on screen (or the page is changing). */
  canExportVisible: boolean;
  /** False when the filter cannot be sent, or nothing matches it. */
  canExportAll: boolean;
  onExportVisible: (format: ExportFormat) => void;
  onExportAll: (format: ExportFormat) => void;
}

export function ExportControls({
  canExportVisible,
  canExportAll,
  onExportVisible,
  onExportAll,
}: ExportControlsProps) {
  const formatId = useId();
  const [format, setFormat] = useState<ExportFormat>('csv');
  const { state } = useReferralsExport();
  const busy = state.phase === 'running' || state.phase === 'saving';
  return (
    <div className="referrals-export" role="group" aria-label="Export">
      <button
        type="button"
        className="button"
        disabled={!canExportVisible}
        onClick={() => onExportVisible(format)}
        title="The rows of this page in the format chosen beside it: visible columns in their order, sorted as shown"
      >
        Export visible rows
      </button>
      <span className="referrals-export__all">
        <label htmlFor={formatId} className="visually-hidden">
          Export format
        </label>
        <select
          id={formatId}
          value={format}
          onChange={(event) => setFormat(event.target.value as ExportFormat)}
        >
          <option value="csv">CSV</option>
          <option value="json">JSON</option>
          <option value="xlsx">Excel (XLSX)</option>
        </select>
        <button
          id={EXPORT_ALL_BUTTON_ID}
          type="button"
          className="button"
          disabled={!canExportAll || busy}
          onClick={() => onExportAll(format)}
          title="Every referral matching the filters, every field, fetched 10,000 at a time"
        >
          Export all matching rows
        </button>
      </span>
    </div>
  );
}
