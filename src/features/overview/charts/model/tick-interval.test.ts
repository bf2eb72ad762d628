import { describe, expect, it } from 'vitest';
import { TIME_LABEL_WIDTH_PX, timeTickInterval } from './tick-interval';

describe('timeTickInterval', () => {
  it('draws every label when they all fit', () => {
    expect(timeTickInterval(13, 1200)).toBe(0);
    expect(timeTickInterval(0, 1200)).toBe(0);
  });

  it('skips labels so that the drawn ones fit the width', () => {
    // 90 days across 600 px: 9 labels fit, so every 10th is drawn.
    const interval = timeTickInterval(90, 600);
    expect(interval).toBe(9);
    const drawn = Math.ceil(90 / (interval + 1));
    expect(drawn * TIME_LABEL_WIDTH_PX).toBeLessThanOrEqual(600);
  });

  it('keeps at least two labels on a very narrow chart, and copes with no width yet', () => {
    expect(timeTickInterval(30, 50)).toBe(14);
    expect(timeTickInterval(30, 0)).toBe(14);
  });
});
