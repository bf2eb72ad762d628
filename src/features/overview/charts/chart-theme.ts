// Axis and grid colours for recharts, whose SVG attributes cannot read the CSS tokens; they match
// --color-text-muted and --color-border in src/styles/tokens.css.
import type { ColorScheme } from '../../../lib/referrals/status-colors';

export const AXIS_TICK: Record<ColorScheme, { fill: string; fontSize: number }> = {
  light: { fill: '#525b6b', fontSize: 12 },
  dark: { fill: '#a3acba', fontSize: 12 },
};

export const GRID_STROKE: Record<ColorScheme, string> = { light: '#d9dde5', dark: '#2c3340' };

/** The series colour for single-series charts (--color-accent). */
export const ACCENT: Record<ColorScheme, string> = { light: '#0f5cc0', dark: '#6aa8ff' };

/** The comparison series (previous period): muted and dashed. */
export const MUTED_SERIES: Record<ColorScheme, string> = { light: '#6b7280', dark: '#9ca3af' };
