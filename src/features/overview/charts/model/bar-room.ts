// How long the bars of a labelled horizontal bar chart may be, so that each bar's label fits on one line to its
// right. Room for labels used to be a fixed multiple of the largest count; on a phone that left "1,000 · 13.3% won"
// some 60 px, and labels wrapped onto three lines and ran into the next row's.

/** Width of a 12 px label's character, generously: DejaVu Sans digits are 7.6 px; recharts wraps a label that overruns. */
export const LABEL_CHAR_PX = 8;
/** Between a bar's end and its label (recharts' LabelList offset), and a little to spare at the right. */
const LABEL_GAP_PX = 12;
/** The longest bar is never shorter than this share of the plot: on a phone, labels wrap onto a second line instead. */
const MIN_BAR_SHARE = 0.35;

export interface LabelledBar {
  value: number;
  label: string;
}

/**
 * The value axis' maximum for bars drawn across `plotWidth` pixels: the smallest that leaves every bar's label its
 * width at the bar's end, and at least the largest value (1 for an empty chart).
 */
export function barValueMax(bars: readonly LabelledBar[], plotWidth: number): number {
  let max = 1;
  for (const { value, label } of bars) {
    if (value <= 0) continue;
    const room = plotWidth - label.length * LABEL_CHAR_PX - LABEL_GAP_PX;
    const share = plotWidth > 0 ? Math.min(1, Math.max(MIN_BAR_SHARE, room / plotWidth)) : 1;
    max = Math.max(max, value / share);
  }
  return max;
}
