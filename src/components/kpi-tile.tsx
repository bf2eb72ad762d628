// A key figure: label, big number, what it covers. The group is named by its label, so
// `getByRole('group', { name: 'Total referrals' })` finds it.
import { useId, type ReactNode } from 'react';
import { ErrorPanel, type ErrorPanelProps } from './error-panel';
import './kpi-tile.css';

export interface KpiTileProps {
  label: string;
  /** The figure, already formatted; null while it loads. */
  value: string | null;
  caption: ReactNode;
  /** Shown under the figure (the figure stays if an earlier fetch gave one). */
  problem?: ErrorPanelProps | null;
  /** True while a newer figure is being fetched. */
  updating?: boolean;
}

export function KpiTile({ label, value, caption, problem, updating = false }: KpiTileProps) {
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId} aria-busy={updating} className="kpi-tile">
      <h2 id={labelId} className="kpi-tile__label">
        {label}
      </h2>
      {value !== null ? (
        <p className={`kpi-tile__value${updating ? ' kpi-tile__value--updating' : ''}`}>
          <span className="kpi-tile__figure">{value}</span>
        </p>
      ) : (
        problem == null && (
          <p className="kpi-tile__value kpi-tile__value--loading">
            <span className="visually-hidden">Loading</span>
          </p>
        )
      )}
      {/* With no figure to describe, the caption ("Comparing…") would only say it is still coming. */}
      {(value !== null || problem == null) && <p className="kpi-tile__caption">{caption}</p>}
      {problem != null && <ErrorPanel {...problem} compact />}
    </div>
  );
}
