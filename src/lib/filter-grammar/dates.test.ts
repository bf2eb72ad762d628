import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, parseIsoInstant } from './dates';

describe('parseIsoInstant', () => {
  it.each([
    ['2026-01-01', Date.UTC(2026, 0, 1)],
    ['2026-01-01T08:30', Date.UTC(2026, 0, 1, 8, 30)],
    ['2018-02-07T23:43:19', Date.UTC(2018, 1, 7, 23, 43, 19)],
    ['2018-02-07T23:43:19.5', Date.UTC(2018, 1, 7, 23, 43, 19, 500)],
    ['2018-02-07T23:43:19.123456789', Date.UTC(2018, 1, 7, 23, 43, 19, 123)],
    ['2018-02-07T23:43:19Z', Date.UTC(2018, 1, 7, 23, 43, 19)],
    ['2018-02-07T23:43:19.120Z', Date.UTC(2018, 1, 7, 23, 43, 19, 120)],
    ['2018-02-07T23:43:19+02:00', Date.UTC(2018, 1, 7, 21, 43, 19)],
    ['2018-02-07T23:43-05:30', Date.UTC(2018, 1, 8, 5, 13)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    ['2000-02-29', Date.UTC(2000, 1, 29)],
    ['0001-01-01', -62_135_596_800_000],
  ])('reads %s as UTC', (text, expected) => {
    expect(parseIsoInstant(text)).toBe(expected);
  });

  it.each([
    '',
    '2026',
    '2026-1-01',
    '2026-01-1',
    '2026/01/01',
    '2026-00-10',
    '2026-13-01',
    '2026-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-01-01T',
    '2026-01-01 08:00',
    '2026-01-01t08:00',
    '2026-01-01T24:00',
    '2026-01-01T08:60',
    '2026-01-01T08:00:60',
    '2026-01-01T08',
    '2026-01-01T08:00:00.',
    '2026-01-01T08:00:00.1234567890',
    '2026-01-01Z',
    '2026-01-01T08:00:00z',
    '2026-01-01T08:00:00+0200',
    '2026-01-01T08:00:00+24:00',
    '2026-01-01T08:00:00+02:60',
    '2026-01-01T08:00:00Z ',
    ' 2026-01-01',
    '+2026-01-01',
    '２０２６-01-01',
  ])('refuses %j', (text) => {
    expect(parseIsoInstant(text)).toBeNull();
  });

  it('agrees with Date on every ISO string Date writes', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        }),
        (date) => {
          expect(parseIsoInstant(date.toISOString())).toBe(date.getTime());
        },
      ),
    );
  });
});

describe('civil day numbers', () => {
  it('count days from 1970-01-01 and back', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
    expect(civilFromDays(daysFromCivil(2024, 2, 29))).toEqual({ year: 2024, month: 2, day: 29 });
    fc.assert(
      fc.property(fc.integer({ min: -800_000, max: 3_000_000 }), (days) => {
        const { year, month, day } = civilFromDays(days);
        expect(daysFromCivil(year, month, day)).toBe(days);
        const date = new Date(days * 86_400_000);
        expect([year, month, day]).toEqual([
          date.getUTCFullYear(),
          date.getUTCMonth() + 1,
          date.getUTCDate(),
        ]);
      }),
    );
  });
});
