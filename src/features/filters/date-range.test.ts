import { describe, expect, it } from 'vitest';
import {
  defaultGranularity,
  isIsoDay,
  presetRange,
  previousRange,
  rangeLength,
  resolveRange,
} from './date-range';

// 23:30 UTC on 24 November: still the 24th in UTC whatever the machine's zone is.
const now = new Date('2026-11-24T23:30:00Z');

describe('date range presets', () => {
  it('end today (UTC) and start the same day N months ago', () => {
    expect(presetRange('3m', now)).toEqual({ from: '2026-08-24', to: '2026-11-24' });
    expect(presetRange('6m', now)).toEqual({ from: '2026-05-24', to: '2026-11-24' });
    expect(presetRange('12m', now)).toEqual({ from: '2025-11-24', to: '2026-11-24' });
    expect(presetRange('24m', now)).toEqual({ from: '2024-11-24', to: '2026-11-24' });
  });

  it('last 30 days is 30 days including today', () => {
    const range = presetRange('30d', now);
    expect(range).toEqual({ from: '2026-10-26', to: '2026-11-24' });
    expect(rangeLength(range)).toBe(30);
  });

  it('clamps month arithmetic at month ends', () => {
    expect(presetRange('3m', new Date('2026-05-31T12:00:00Z')).from).toBe('2026-02-28');
  });
});

describe('resolveRange', () => {
  it('uses the custom days, swapped when reversed, filled from the default preset when missing', () => {
    expect(resolveRange('custom', { from: '2026-01-01', to: '2026-01-31' }, now)).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
    });
    expect(resolveRange('custom', { from: '2026-02-01', to: '2026-01-01' }, now)).toEqual({
      from: '2026-01-01',
      to: '2026-02-01',
    });
    expect(resolveRange('custom', { from: null, to: null }, now)).toEqual(presetRange('3m', now));
  });

  it('ignores custom days for a preset', () => {
    expect(resolveRange('30d', { from: '2020-01-01', to: '2020-01-02' }, now)).toEqual(
      presetRange('30d', now),
    );
  });
});

describe('previousRange', () => {
  it('has the same length and ends the day before', () => {
    const range = { from: '2026-03-01', to: '2026-03-31' };
    const previous = previousRange(range);
    expect(previous).toEqual({ from: '2026-01-29', to: '2026-02-28' });
    expect(rangeLength(previous)).toBe(rangeLength(range));
  });
});

describe('defaultGranularity', () => {
  it('is day up to 31 days, week up to 6 months, month beyond', () => {
    expect(defaultGranularity({ from: '2026-01-01', to: '2026-01-31' })).toBe('day');
    expect(defaultGranularity({ from: '2026-01-01', to: '2026-02-01' })).toBe('week');
    expect(defaultGranularity(presetRange('30d', now))).toBe('day');
    expect(defaultGranularity(presetRange('3m', now))).toBe('week');
    expect(defaultGranularity(presetRange('6m', now))).toBe('week');
    expect(defaultGranularity({ from: '2026-01-01', to: '2026-07-02' })).toBe('month');
    expect(defaultGranularity(presetRange('12m', now))).toBe('month');
  });
});

describe('isIsoDay', () => {
  it('accepts real days only', () => {
    expect(isIsoDay('2026-02-28')).toBe(true);
    expect(isIsoDay('2026-02-30')).toBe(false);
    expect(isIsoDay('2026-2-3')).toBe(false);
    expect(isIsoDay('2026-02-28T00:00')).toBe(false);
  });
});
