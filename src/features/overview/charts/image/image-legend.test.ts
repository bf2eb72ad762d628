// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  layoutLegend,
  LEGEND_ROW_HEIGHT,
  legendTextX,
  readLegend,
  type LegendEntry,
} from './image-legend';

const entry = (label: string, extra: Partial<LegendEntry> = {}): LegendEntry => ({
  label,
  key: 'box',
  colour: '#123456',
  hidden: false,
  ...extra,
});
// 10 px per character keeps the arithmetic readable.
const measure = (text: string) => text.length * 10;

describe('layoutLegend', () => {
  it('places entries left to right, each text after its key', () => {
    const { entries, height } = layoutLegend([entry('Won'), entry('Lost')], 400, measure);
    expect(entries.map((e) => [e.text, e.x, e.y])).toEqual([
      ['Won', 0, 12],
      // 12 key + 6 gap + 30 text + 16 between entries
      ['Lost', 64, 12],
    ]);
    expect(legendTextX(entries[0]!)).toBe(18);
    expect(height).toBe(LEGEND_ROW_HEIGHT);
  });

  it('wraps to a new row when the next entry would pass the width, never dropping one', () => {
    const labels = ['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc'];
    const { entries, height } = layoutLegend(
      labels.map((l) => entry(l)),
      250,
      measure,
    );
    expect(entries.map((e) => [e.x, e.y])).toEqual([
      [0, 12],
      [0, 12 + LEGEND_ROW_HEIGHT],
      [0, 12 + 2 * LEGEND_ROW_HEIGHT],
    ]);
    expect(height).toBe(3 * LEGEND_ROW_HEIGHT);
  });

  it('gives lines a wider key than boxes', () => {
    const { entries } = layoutLegend([entry('This period', { key: 'line' })], 400, measure);
    expect(legendTextX(entries[0]!)).toBe(26);
  });

  it('keeps a hidden series, marked as hidden', () => {
    const { entries } = layoutLegend([entry('Lost', { hidden: true })], 400, measure);
    expect(entries[0]).toMatchObject({ text: 'Lost (hidden)', hidden: true });
  });

  it('takes no room when there is no legend', () => {
    expect(layoutLegend([], 400, measure)).toEqual({ entries: [], height: 0 });
  });
});

describe('readLegend', () => {
  function figure(html: string): HTMLElement {
    const element = document.createElement('figure');
    element.innerHTML = html; // test markup only
    document.body.append(element);
    return element;
  }

  it('reads each entry’s name and count, its key and colour, and whether it is switched off', () => {
    const legend = figure(`
      <div class="chart-legend">
        <span class="chart-legend__item">
          <button class="chart-legend__toggle" aria-pressed="true">
            <span class="chart-legend__swatch" aria-hidden="true"></span>Won
            <span class="chart-legend__count">1,234</span>
          </button>
          <button class="chart-legend__filter" aria-label="Filter by Won"><svg></svg></button>
        </span>
        <span class="chart-legend__item">
          <button class="chart-legend__toggle" aria-pressed="false">
            <span class="chart-legend__line chart-legend__line--dashed" aria-hidden="true"></span>
            Previous period
          </button>
        </span>
      </div>`);
    const [swatch, line] = legend.querySelectorAll<HTMLElement>('[aria-hidden="true"]');
    swatch!.style.backgroundColor = 'rgb(26, 127, 75)';
    line!.style.borderTop = '2px dashed rgb(107, 114, 128)';

    expect(readLegend(legend)).toEqual([
      { label: 'Won 1,234', key: 'box', colour: 'rgb(26, 127, 75)', hidden: false },
      {
        label: 'Previous period',
        key: 'dashed-line',
        colour: 'rgb(107, 114, 128)',
        hidden: true,
      },
    ]);
  });

  it('joins a label React wrote as several text nodes', () => {
    const legend = figure(
      '<div class="chart-legend"><span class="chart-legend__item chart-legend__note"><span class="chart-legend__line" aria-hidden="true"></span></span></div>',
    );
    const note = legend.querySelector('.chart-legend__note')!;
    for (const part of ['Older to newer cohorts (', '27', ')']) note.append(part);
    expect(readLegend(legend)[0]?.label).toBe('Older to newer cohorts (27)');
  });

  it('finds nothing in a chart without a legend', () => {
    expect(readLegend(figure('<svg></svg>'))).toEqual([]);
  });
});
