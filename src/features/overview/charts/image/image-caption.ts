// The caption under a chart image's title: what the chart shows, so a slide stays true on its own.
import { activeChips, type DashboardView, dateFieldLabel } from '../../../filters';

/** "Created 2026-09-06 to 2026-12-06 (UTC) · Status Won · Customer market US" */
export function chartImageCaption(view: Pick<DashboardView, 'filters' | 'range'>): string {
  const { filters, range } = view;
  const parts = [`${dateFieldLabel(filters.dateField)} ${range.from} to ${range.to} (UTC)`];
  for (const chip of activeChips(filters)) if (chip.id !== 'range') parts.push(chip.label);
  return parts.join(' · ');
}
