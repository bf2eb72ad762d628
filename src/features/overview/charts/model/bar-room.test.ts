import { describe, expect, it } from 'vitest';
import { barValueMax, LABEL_CHAR_PX } from './bar-room';

const label = (chars: number) => 'x'.repeat(chars);

describe('barValueMax', () => {
  it('leaves the longest bar room for its label on a wide plot', () => {
    const max = barValueMax([{ value: 1000, label: label(17) }], 600);
    const barPx = (1000 / max) * 600;
    expect(barPx + 17 * LABEL_CHAR_PX + 12).toBeCloseTo(600);
  });

  it('fits the label of a shorter bar with a longer label too', () => {
    const bars = [
      { value: 1000, label: label(5) },
      { value: 900, label: label(30) },
    ];
    const max = barValueMax(bars, 500);
    for (const bar of bars) {
      expect((bar.value / max) * 500 + bar.label.length * LABEL_CHAR_PX + 12).toBeLessThanOrEqual(
        500 + 1e-9,
      );
    }
  });

  it('keeps the longest bar at a third of a narrow plot, where labels wrap instead', () => {
    const max = barValueMax([{ value: 1000, label: label(30) }], 150);
    expect((1000 / max) * 150).toBeCloseTo(150 * 0.35);
  });

  it('is the largest value at least, and 1 for an empty or all-zero chart', () => {
    expect(barValueMax([], 400)).toBe(1);
    expect(barValueMax([{ value: 0, label: label(10) }], 400)).toBe(1);
    expect(barValueMax([{ value: 10, label: '' }], 0)).toBe(10);
  });
});
