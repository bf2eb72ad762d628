import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KNOWN_STATUSES } from './schema';
import { orderStatuses, statusColor } from './status-colors';

/** WCAG relative luminance contrast between two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('statusColor', () => {
  it('gives each known status its own colour in each scheme', () => {
    for (const scheme of ['light', 'dark'] as const) {
      const colours = KNOWN_STATUSES.map((s) => statusColor(s, scheme));
      expect(new Set(colours).size).toBe(KNOWN_STATUSES.length);
    }
  });

  it('gives any other status a stable colour with enough contrast on its background', () => {
    fc.assert(
      fc.property(fc.string(), (status) => {
        const light = statusColor(status, 'light');
        expect(statusColor(status, 'light')).toBe(light);
        expect(light).toMatch(/^#[0-9a-f]{6}$/);
        expect(contrast(light, '#ffffff')).toBeGreaterThanOrEqual(3);
        expect(contrast(statusColor(status, 'dark'), '#111827')).toBeGreaterThanOrEqual(3);
      }),
    );
  });

  it('keeps every known colour at 3:1 or more against light and dark backgrounds', () => {
    for (const status of KNOWN_STATUSES) {
      expect(contrast(statusColor(status, 'light'), '#ffffff')).toBeGreaterThanOrEqual(3);
      expect(contrast(statusColor(status, 'dark'), '#111827')).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('orderStatuses', () => {
  it('puts known statuses in lifecycle order, others alphabetically, Unknown last', () => {
    expect(orderStatuses(['Unknown', 'Zeta', 'Won', 'New', 'alpha'])).toEqual([
      'New',
      'Won',
      'alpha',
      'Zeta',
      'Unknown',
    ]);
  });
});
