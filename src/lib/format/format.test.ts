import { describe, expect, it } from 'vitest';
import { formatCount, formatPercent, formattersFor } from './format';

// Intl separates a number from its percent sign and groups French thousands with no-break spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

const LATE_EVENING = new Date('2026-09-28T23:30:00Z');

describe.each([
  {
    locale: 'en-US',
    count: '4,460',
    percent: '12.2%',
    signed: '+12.5%',
    decimal: '3.5',
    day: 'Sep 28, 2026',
    shortDay: 'Sep 28',
    month: 'Sep 2026',
    dateTime: 'Sep 28, 2026, 11:30 PM',
  },
  {
    locale: 'de-DE',
    count: '4.460',
    percent: '12,2 %',
    signed: '+12,5 %',
    decimal: '3,5',
    day: '28. Sept. 2026',
    shortDay: '28. Sept.',
    month: 'Sept. 2026',
    dateTime: '28.09.2026, 23:30',
  },
  {
    locale: 'fr-FR',
    count: '4 460',
    percent: '12,2 %',
    signed: '+12,5 %',
    decimal: '3,5',
    day: '28 sept. 2026',
    shortDay: '28 sept.',
    month: 'sept. 2026',
    dateTime: '28 sept. 2026, 23:30',
  },
])('in $locale', (expected) => {
  const format = formattersFor(expected.locale);

  it('writes counts, percentages and decimals the locale way', () => {
    expect(plain(format.count(4460))).toBe(expected.count);
    expect(plain(format.percent(0.1222))).toBe(expected.percent);
    expect(plain(format.signedPercent(0.125))).toBe(expected.signed);
    expect(plain(format.decimal(3.46))).toBe(expected.decimal);
  });

  it('writes UTC days, months and instants, whatever the machine’s time zone', () => {
    // 23:30 UTC is already the next day east of Greenwich: the day shown stays the UTC one.
    expect(format.utcDay(LATE_EVENING)).toBe(expected.day);
    expect(format.utcShortDay(LATE_EVENING)).toBe(expected.shortDay);
    expect(format.utcMonth(LATE_EVENING)).toBe(expected.month);
    expect(plain(format.utcDateTime(LATE_EVENING))).toBe(expected.dateTime);
  });
});

describe('the same in every locale', () => {
  const en = formattersFor('en-US');
  const de = formattersFor('de-DE');

  it('says "—" for a ratio with nothing to divide by', () => {
    expect(en.percent(null)).toBe('—');
    expect(de.percent(null)).toBe('—');
  });

  it('signs changes but not zero', () => {
    expect(en.signedPercent(0)).toBe('0%');
    expect(en.signedPercent(-0.03)).toBe('-3%');
    expect(en.decimal(-1.25, { signed: true })).toBe('-1.3');
    expect(en.decimal(0, { signed: true })).toBe('0');
  });

  it('keeps locales apart in its cache of formatters', () => {
    expect(de.count(1234)).toBe('1.234');
    expect(en.count(1234)).toBe('1,234');
    expect(de.count(1234)).toBe('1.234');
  });

  it('serves as a callback: an index passed second is no locale', () => {
    expect([1234, 0.5].map(formatCount)).toEqual([formatCount(1234), formatCount(0.5)]);
    expect([0.5].map(formatPercent)).toEqual([formatPercent(0.5)]);
  });
});
