// A chart's legend in its figure's footer: a labelled group of toggle buttons, one per series, each with its key.
import type { ReactNode } from 'react';

export function ChartLegend({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="chart-legend" role="group" aria-label={label}>
      {children}
    </div>
  );
}

/** Shows or hides one series; `swatch` is the series' key (colour, line style), hidden from assistive technology. */
export function LegendToggle({
  shown,
  onToggle,
  swatch,
  children,
}: {
  shown: boolean;
  onToggle: () => void;
  swatch: ReactNode;
  children: ReactNode;
}) {
  return (
    <button type="button" className="chart-legend__toggle" aria-pressed={shown} onClick={onToggle}>
      {swatch}
      {children}
    </button>
  );
}

/** A key that is not a toggle: what a mark means (a line, a shading), read into chart images like the rest. */
export function LegendNote({ swatch, children }: { swatch: ReactNode; children: ReactNode }) {
  return (
    <span className="chart-legend__item chart-legend__note">
      {swatch}
      {children}
    </span>
  );
}

/** A line series' key: a short stroke in its colour. */
export function LegendLine({ colour }: { colour: string }) {
  return <span className="chart-legend__line" style={{ borderColor: colour }} aria-hidden="true" />;
}
