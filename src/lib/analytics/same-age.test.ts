import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { previousOutcomeCutoff } from './same-age';

describe('previousOutcomeCutoff', () => {
  it("is the current range's first day when the range ends today", () => {
    expect(previousOutcomeCutoff({ from: '2026-09-06', to: '2026-12-06' }, '2026-12-06')).toBe(
      '2026-09-06',
    );
  });

  it('keeps the same age when the range ended earlier', () => {
    // 31 days ending 10 days ago: the current period has had 10 more days, and so does the previous one.
    expect(previousOutcomeCutoff({ from: '2026-01-01', to: '2026-01-31' }, '2026-02-10')).toBe(
      '2026-01-11',
    );
  });

  it('gives both periods the same age for any length and any end', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 800 }),
        fc.integer({ min: 0, max: 60 }),
        (length, sinceEnd) => {
          const day = (n: number) =>
            new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
          const range = { from: day(0), to: day(length - 1) };
          const today = day(length - 1 + sinceEnd);
          const cutoff = previousOutcomeCutoff(range, today);
          // Age of the current period (first day to the end of today) = age of the previous one (its first day,
          // `length` days earlier, to the cutoff).
          const age = (Date.parse(day(length + sinceEnd)) - Date.parse(range.from)) / 86_400_000;
          const previousAge = (Date.parse(cutoff) - Date.parse(day(-length))) / 86_400_000;
          expect(previousAge).toBe(age);
        },
      ),
    );
  });
});
