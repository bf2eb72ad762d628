// A chart as a standalone image: its SVG with every computed style written as presentation
// attributes (the file has no stylesheet), on the page's current background, under the chart's
// title and a caption, with the chart's legend under it. PNG is drawn from that SVG at 2× for sharp slides. The copy is built in a
// document of its own and never carries a style attribute, which the page's
// Content-Security-Policy refuses (style-src-attr).
import {
  keyWidth,
  layoutLegend,
  LEGEND_FONT_SIZE,
  legendTextX,
  type LegendEntry,
  type PlacedLegendEntry,
} from './image-legend';

const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

const PADDING = 16;
const TITLE_SIZE = 16;
const CAPTION_SIZE = 12;
const LINE_GAP = 6;
const SVG_NS = 'http://www.w3.org/2000/svg';
/** A series switched off: its key faded, its name muted (and marked "(hidden)"). */
const HIDDEN_OPACITY = '0.35';
const DASH = '6 4';

export interface ChartImage {
  svg: string;
  width: number;
  height: number;
}

export interface ChartImageText {
  title: string;
  caption: string;
  /** The chart's legend (readLegend); none for a chart without one. */
  legend?: readonly LegendEntry[];
}

/** Splits text into lines of at most `max` characters, at spaces where it can. */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (next.length <= max || line === '') line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Attributes that serve the page only (or that the page's policy refuses to set): not copied. */
const DROPPED_ATTRIBUTES = new Set(['style', 'tabindex', 'role', 'cursor', 'class']);

/**
 * A copy of `source` built in `doc`, attribute by attribute, with its computed styles written as
 * presentation attributes, each only where it differs from the parent's (the rest is inherited),
 * so the file stays small. Never cloned: a clone would carry the page's style attributes, which
 * the page's Content-Security-Policy refuses to set (style-src-attr).
 */
function styledCopy(source: Element, doc: XMLDocument, inherited: Map<string, string>): Element {
  const target = doc.createElementNS(source.namespaceURI, source.localName);
  for (const attribute of source.attributes) {
    if (!DROPPED_ATTRIBUTES.has(attribute.name)) {
      target.setAttributeNS(attribute.namespaceURI, attribute.name, attribute.value);
    }
  }
  const computed = getComputedStyle(source);
  const own = new Map<string, string>();
  for (const name of STYLE_PROPERTIES) {
    const value = computed.getPropertyValue(name);
    own.set(name, value);
    if (value !== '' && value !== inherited.get(name)) target.setAttribute(name, value);
  }
  for (const child of source.childNodes) {
    if (child instanceof Element) target.append(styledCopy(child, doc, own));
    else if (child.nodeType === Node.TEXT_NODE)
      target.append(doc.createTextNode(child.textContent ?? ''));
  }
  return target;
}

/** The chart's SVG as an image, with the colours the page shows now (light or dark). */
export function chartImage(chart: SVGSVGElement, text: ChartImageText): ChartImage {
  const box = chart.getBoundingClientRect();
  const chartWidth = Math.round(box.width);
  const chartHeight = Math.round(box.height);
  const page = getComputedStyle(chart.closest('figure') ?? document.body);
  const background = page.getPropertyValue('--color-surface').trim() || '#ffffff';
  const textColor = page.getPropertyValue('--color-text').trim() || '#161a22';
  const mutedColor = page.getPropertyValue('--color-text-muted').trim() || textColor;
  const fontFamily = page.fontFamily || 'sans-serif';

  const width = chartWidth + 2 * PADDING;
  const captionLines = wrapText(
    text.caption,
    Math.max(20, Math.floor(width / (CAPTION_SIZE * 0.55))),
  );
  const headerHeight =
    PADDING + TITLE_SIZE + LINE_GAP + captionLines.length * (CAPTION_SIZE + LINE_GAP) + LINE_GAP;
  const legend = layoutLegend(text.legend ?? [], chartWidth, textMeasure(fontFamily));
  const legendTop = headerHeight + chartHeight + (legend.height > 0 ? 2 * LINE_GAP : 0);
  const height = legendTop + legend.height + PADDING;

  // A document of the image's own: the page's policy does not govern attributes set there.
  const doc = document.implementation.createDocument(SVG_NS, null, null);
  const root = doc.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('font-family', fontFamily);

  const rect = doc.createElementNS(SVG_NS, 'rect');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', background);
  root.append(rect);

  const line = (content: string, y: number, size: number, color: string, weight = '400') => {
    const node = doc.createElementNS(SVG_NS, 'text');
    node.setAttribute('x', String(PADDING));
    node.setAttribute('y', String(y));
    node.setAttribute('font-size', String(size));
    node.setAttribute('font-weight', weight);
    node.setAttribute('fill', color);
    // textContent: untrusted strings (filter values) stay text, never markup.
    node.textContent = content;
    root.append(node);
  };
  line(text.title, PADDING + TITLE_SIZE, TITLE_SIZE, textColor, '700');
  captionLines.forEach((caption, i) =>
    line(
      caption,
      PADDING + TITLE_SIZE + LINE_GAP + (i + 1) * (CAPTION_SIZE + LINE_GAP),
      CAPTION_SIZE,
      mutedColor,
    ),
  );

  const copy = styledCopy(chart, doc, new Map());
  copy.setAttribute('x', String(PADDING));
  copy.setAttribute('y', String(headerHeight));
  copy.setAttribute('width', String(chartWidth));
  copy.setAttribute('height', String(chartHeight));
  root.append(copy);

  if (legend.entries.length > 0) {
    const group = doc.createElementNS(SVG_NS, 'g');
    group.setAttribute('transform', `translate(${PADDING} ${legendTop})`);
    group.setAttribute('font-size', String(LEGEND_FONT_SIZE));
    for (const entry of legend.entries)
      group.append(legendEntry(doc, entry, textColor, mutedColor));
    root.append(group);
  }

  return { svg: new XMLSerializer().serializeToString(root), width, height };
}

/** A function giving a text's width at the legend's size, measured in the page's font where a canvas can. */
function textMeasure(fontFamily: string): (text: string) => number {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return (text) => text.length * LEGEND_FONT_SIZE * 0.6;
  context.font = `${LEGEND_FONT_SIZE}px ${fontFamily}`;
  return (text) => Math.ceil(context.measureText(text).width);
}

/** One legend entry: its key (a square, or a stroke solid or dashed) in the series' colour, then its name. */
function legendEntry(
  doc: XMLDocument,
  entry: PlacedLegendEntry,
  textColor: string,
  mutedColor: string,
): Element {
  const group = doc.createElementNS(SVG_NS, 'g');
  const middle = entry.y - LEGEND_FONT_SIZE / 2 + 2;
  let key: Element;
  if (entry.key === 'box') {
    key = doc.createElementNS(SVG_NS, 'rect');
    key.setAttribute('x', String(entry.x));
    key.setAttribute('y', String(middle - 6));
    key.setAttribute('width', '12');
    key.setAttribute('height', '12');
    key.setAttribute('rx', '3');
    key.setAttribute('fill', entry.colour);
  } else {
    key = doc.createElementNS(SVG_NS, 'line');
    key.setAttribute('x1', String(entry.x));
    key.setAttribute('x2', String(entry.x + keyWidth(entry.key)));
    key.setAttribute('y1', String(middle));
    key.setAttribute('y2', String(middle));
    key.setAttribute('stroke', entry.colour);
    key.setAttribute('stroke-width', '2');
    if (entry.key === 'dashed-line') key.setAttribute('stroke-dasharray', DASH);
  }
  if (entry.hidden) key.setAttribute('opacity', HIDDEN_OPACITY);
  const label = doc.createElementNS(SVG_NS, 'text');
  label.setAttribute('x', String(legendTextX(entry)));
  label.setAttribute('y', String(entry.y));
  label.setAttribute('fill', entry.hidden ? mutedColor : textColor);
  if (entry.hidden) label.setAttribute('text-decoration', 'line-through');
  // textContent: series names come from the data (statuses), so they stay text, never markup.
  label.textContent = entry.text;
  group.append(key, label);
  return group;
}

/** The image as PNG at `scale`× (drawn from a data: URL, which the CSP's img-src allows). */
export async function chartPng(image: ChartImage, scale = 2): Promise<Blob> {
  const element = new Image();
  element.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(image.svg)}`;
  await element.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width * scale;
  canvas.height = image.height * scale;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the image.');
  context.scale(scale, scale);
  context.drawImage(element, 0, 0, image.width, image.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made.'))),
      'image/png',
    ),
  );
}
