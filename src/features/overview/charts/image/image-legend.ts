// A chart image's legend: the chart's own legend (the figure's `.chart-legend`), read from the page as the partner
// sees it, laid out in rows under the chart. Series the partner switched off are kept and marked "(hidden)", so a
// slide never suggests a stacked total or a comparison that is not drawn.

/** How a series is keyed: a filled square (bars, areas) or a short stroke (lines), solid or dashed. */
export type LegendKey = 'box' | 'line' | 'dashed-line';

export interface LegendEntry {
  label: string;
  key: LegendKey;
  /** A CSS colour as the page computed it. */
  colour: string;
  hidden: boolean;
}

export interface PlacedLegendEntry extends LegendEntry {
  /** The entry's left edge and its row's text baseline, relative to the legend's top left. */
  x: number;
  y: number;
  /** What the image writes: the label, with "(hidden)" for a series switched off. */
  text: string;
}

export interface LegendLayout {
  entries: PlacedLegendEntry[];
  height: number;
}

export const LEGEND_FONT_SIZE = 12;
export const LEGEND_ROW_HEIGHT = 20;
const KEY_WIDTH: Record<LegendKey, number> = { box: 12, line: 20, 'dashed-line': 20 };
const KEY_GAP = 6;
const ENTRY_GAP = 16;

export function keyWidth(key: LegendKey): number {
  return KEY_WIDTH[key];
}

function legendText(entry: LegendEntry): string {
  return entry.hidden ? `${entry.label} (hidden)` : entry.label;
}

/**
 * Entries left to right, wrapping to a new row when the next one would pass `width`; an entry wider than a
 * row gets a row of its own. `measure` gives a text's width in pixels at LEGEND_FONT_SIZE.
 */
export function layoutLegend(
  entries: readonly LegendEntry[],
  width: number,
  measure: (text: string) => number,
): LegendLayout {
  const placed: PlacedLegendEntry[] = [];
  let x = 0;
  let row = 0;
  for (const entry of entries) {
    const text = legendText(entry);
    const entryWidth = KEY_WIDTH[entry.key] + KEY_GAP + measure(text);
    if (x > 0 && x + entryWidth > width) {
      row += 1;
      x = 0;
    }
    placed.push({ ...entry, text, x, y: row * LEGEND_ROW_HEIGHT + LEGEND_FONT_SIZE });
    x += entryWidth + ENTRY_GAP;
  }
  return { entries: placed, height: placed.length === 0 ? 0 : (row + 1) * LEGEND_ROW_HEIGHT };
}

/** The text's left edge, after its key. */
export function legendTextX(entry: PlacedLegendEntry): number {
  return entry.x + KEY_WIDTH[entry.key] + KEY_GAP;
}

const TRANSPARENT = /^(transparent|rgba\(0, 0, 0, 0\))$/;

/**
 * One entry's words: its text as read (the name, then e.g. its count, apart), skipping keys and the icon-only filter
 * button. Adjacent text nodes join as they are (React splits "cohorts ({n})" into several).
 */
function entryLabel(element: Element): string {
  return entryText(element).replace(/\s+/g, ' ').trim();
}

function entryText(element: Element): string {
  let text = '';
  for (const node of element.childNodes) {
    if (!(node instanceof Element)) text += node.textContent ?? '';
    else if (node.getAttribute('aria-hidden') === 'true') continue;
    // The toggle holds the name and count; the filter button beside it only an icon.
    else if (node.matches('button:not(.chart-legend__toggle)')) continue;
    else text += ` ${entryText(node)} `;
  }
  return text;
}

/** The legend of the chart in `figure`, in the colours the page shows now; none when the chart has no legend. */
export function readLegend(figure: Element): LegendEntry[] {
  const entries: LegendEntry[] = [];
  for (const item of figure.querySelectorAll('.chart-legend .chart-legend__item')) {
    const label = entryLabel(item);
    if (label === '') continue;
    const hidden = item.querySelector('[aria-pressed="false"]') !== null;
    const line = item.querySelector('.chart-legend__line');
    if (line) {
      const style = getComputedStyle(line);
      entries.push({
        label,
        hidden,
        key: style.borderTopStyle === 'dashed' ? 'dashed-line' : 'line',
        colour: style.borderTopColor,
      });
      continue;
    }
    const swatch = item.querySelector('.chart-legend__swatch');
    if (!swatch) continue;
    const style = getComputedStyle(swatch);
    // A patterned key (the win rate's hatched "still maturing") has no fill colour: its border's colour stands in.
    const colour = TRANSPARENT.test(style.backgroundColor)
      ? style.borderTopColor
      : style.backgroundColor;
    entries.push({ label, hidden, key: 'box', colour });
  }
  return entries;
}
