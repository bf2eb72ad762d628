import { describe, expect, it } from 'vitest';
import type { MedianDuration } from '../../../lib/analytics/medians';
import {
  comparedWith,
  countChange,
  durationChange,
  formatDuration,
  formatMedian,
  periodFigures,
  precisionNote,
  rateChange,
} from './kpi-math';

const DAY = 86_400_000;
const exact = (ms: number): MedianDuration => ({ ms, precision: 'exact', count: 1 });
const days = (n: number): MedianDuration => ({ ms: n * DAY, precision: 'day', count: 1 });

describe('KPI arithmetic', () => {
  it('computes win rate (won ÷ accepted) and acceptance rate (accepted ÷ total)', () => {
    expect(periodFigures({ total: 200, accepted: 80, won: 20 })).toEqual({
      total: 200,
      accepted: 80,
      won: 20,
      winRate: 0.25,
      acceptanceRate: 0.4,
    });
  });

  it('has no rate, not 0 or NaN, when dividing by zero', () => {
    expect(periodFigures({ total: 0, accepted: 0, won: 0 })).toMatchObject({
      winRate: null,
      acceptanceRate: null,
    });
    expect(periodFigures({ total: 5, accepted: 0, won: 0 })).toMatchObject({
      winRate: null,
      acceptanceRate: 0,
    });
  });

  it('names what a change is against: the previous period or the same period last year', () => {
    expect(comparedWith('previous')).toEqual({
      total: 'vs previous period',
      sameAge: 'vs the previous period at the same point',
    });
    expect(comparedWith('last-year')).toEqual({
      total: 'vs the same period last year',
      sameAge: 'vs the same period last year at the same point',
    });
    expect(rateChange(0.3, 0.25, comparedWith('last-year').sameAge)?.text).toBe(
      '+5 pts vs the same period last year at the same point',
    );
  });

  it('describes changes against the previous period in words', () => {
    expect(countChange(150, 100)).toEqual({ direction: 'up', text: '+50% vs previous period' });
    expect(countChange(50, 100)).toEqual({ direction: 'down', text: '-50% vs previous period' });
    expect(countChange(100, 100)).toEqual({ direction: 'flat', text: '0% vs previous period' });
    expect(countChange(10, 0)).toBeNull();
    expect(rateChange(0.3, 0.25)).toEqual({
      direction: 'up',
      text: '+5 pts vs the previous period at the same point',
    });
    expect(rateChange(0.25, 0.25, 'vs previous period')).toEqual({
      direction: 'flat',
      text: '0 pts vs previous period',
    });
    expect(rateChange(null, 0.25)).toBeNull();
    expect(durationChange(exact(2 * DAY), exact(3.3 * DAY))).toEqual({
      direction: 'down',
      text: '-1.3 days vs the previous period at the same point',
    });
    expect(durationChange(days(2), exact(3.25 * DAY))).toEqual({
      direction: 'down',
      text: '-1 day vs the previous period at the same point',
    });
    expect(durationChange(null, days(1))).toBeNull();
  });

  it('tells a median no more precisely than it is known', () => {
    expect(formatMedian(days(5.4))).toBe('5 days');
    expect(formatMedian(days(1))).toBe('1 day');
    expect(formatMedian(days(0))).toBe('under a day');
    expect(formatMedian({ ms: 14 * DAY, precision: 'week', count: 3 })).toBe('2 weeks');
    expect(formatMedian(exact(5.14 * DAY))).toBe('5.1 days');
    expect(formatMedian(null)).toBe('—');
    expect(precisionNote(days(5))).toBe('to within a day');
    expect(precisionNote(exact(5))).toBeNull();
  });

  it('formats durations in hours below a day', () => {
    expect(formatDuration(5 * 3_600_000)).toBe('5 h');
    expect(formatDuration(86_400_000)).toBe('1 day');
    expect(formatDuration(3.54 * 86_400_000)).toBe('3.5 days');
    expect(formatDuration(null)).toBe('—');
  });
});
