// Which time-axis labels to draw. Recharts can find this itself ('preserveEnd'), but it measures every label in the
// DOM to do so, forcing a layout per label on each render of each chart: a fixed stride needs no measuring.

/** Room for one label ("Aug 24", "Sep 2026") and the gap after it, in pixels at the axis font size. */
export const TIME_LABEL_WIDTH_PX = 64;

/**
 * Recharts' `interval` for `count` labels across `widthPx`: how many to skip between two drawn labels, so that as
 * many fit as the width allows and at least two show.
 */
export function timeTickInterval(count: number, widthPx: number): number {
  const fitting = Math.max(2, Math.floor(widthPx / TIME_LABEL_WIDTH_PX));
  return Math.max(0, Math.ceil(count / fitting) - 1);
}
