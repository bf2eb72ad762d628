import { describe, expect, it } from 'vitest';
import { formattersFor } from '../../lib/format/format';
import { isoUtc, parseApiDate, spreadsheetDate } from './dates';

describe('API dates', () => {
  it('reads a date without a zone as UTC', () => {
    expect(parseApiDate('2018-02-07T23:43:19')?.toISOString()).toBe('2018-02-07T23:43:19.000Z');
    expect(parseApiDate('2018-02-07')?.toISOString()).toBe('2018-02-07T00:00:00.000Z');
  });

  it('gives null for null, empty and malformed values', () => {
    expect(parseApiDate(null)).toBeNull();
    expect(parseApiDate('')).toBeNull();
    expect(parseApiDate('yesterday')).toBeNull();
  });

  it('formats in the locale but in UTC, whatever the machine zone', () => {
    const date = new Date(Date.UTC(2018, 1, 7, 23, 43, 19));
    expect(formattersFor('en-GB').utcDateTime(date)).toBe('7 Feb 2018, 23:43');
    expect(formattersFor('en-US').utcDateTime(date)).toBe('Feb 7, 2018, 11:43 PM');
    expect(isoUtc(date)).toBe('2018-02-07T23:43:19Z');
  });

  it('writes spreadsheet-friendly dates and keeps unknown text', () => {
    expect(spreadsheetDate('2018-02-07T23:43:19')).toBe('2018-02-07 23:43:19');
    expect(spreadsheetDate('2018-02-07T23:43:19.250')).toBe('2018-02-07 23:43:19');
    expect(spreadsheetDate('2018-02-07T23:43:19+02:00')).toBe('2018-02-07 21:43:19');
    expect(spreadsheetDate('2018-02-07')).toBe('2018-02-07 00:00:00');
    expect(spreadsheetDate(null)).toBe('');
    expect(spreadsheetDate('not a date')).toBe('not a date');
  });
});
