import { describe, expect, it } from 'vitest';
import {
  findMeasure,
  nextPageQuery,
  parseDateRows,
  parseEnvelope,
  parseReferralRows,
  toCount,
} from './envelope';
import { referral } from './test-helpers';

describe('parseEnvelope', () => {
  it.each([
    [{ Value: [1], TotalCount: 7, '@nextLink': null }, 7, null],
    [
      { value: [1], totalCount: '7', '@nextLink': 'referrals?top=1&skip=1' },
      7,
      'referrals?top=1&skip=1',
    ],
    [{ VALUE: [1] }, null, null],
    [
      { value: [1], totalcount: 'many', '@odata.nextLink': 'referrals?skip=1' },
      null,
      'referrals?skip=1',
    ],
    [{ value: [1], TotalCount: null, '@nextLink': '' }, null, null],
  ])('reads %j', (json, totalCount, nextLink) => {
    expect(parseEnvelope(json)).toEqual({
      ok: true,
      envelope: { rows: [1], totalCount, nextLink },
    });
  });

  it.each([[null], [[]], [{ rows: [] }], [{ Value: {} }], ['text']])('refuses %j', (json) => {
    const result = parseEnvelope(json);
    expect(result.ok).toBe(false);
  });

  it('says what it expected', () => {
    expect(parseEnvelope({ Value: {} })).toEqual({
      ok: false,
      problem: 'expected {"Value": [...]} (value: expected array)',
    });
    expect(parseEnvelope('text')).toEqual({
      ok: false,
      problem: 'expected {"Value": [...]} (expected object)',
    });
  });
});

describe('parseReferralRows', () => {
  it('turns ids, numbers and booleans into text, and missing fields into empty text or null', () => {
    const partial: Record<string, unknown> = { ...referral(), id: 112310, customerMarket: 7 };
    delete partial.customerName;
    delete partial.wonDate;
    const result = parseReferralRows([partial]);
    expect(result).toEqual({
      ok: true,
      rows: [{ ...referral(), customerMarket: '7', customerName: '', wonDate: null }],
    });
  });

  it('names the row, the field and what was expected', () => {
    expect(parseReferralRows([referral(), { ...referral(), customerName: {} }])).toEqual({
      ok: false,
      problem: 'row 2: customerName: expected string or number or boolean',
    });
    expect(parseReferralRows([{ ...referral(), wonDate: 5 }])).toEqual({
      ok: false,
      problem: 'row 1: wonDate: expected string',
    });
    expect(parseReferralRows([{ ...referral(), id: null }])).toEqual({
      ok: false,
      problem: 'row 1: id: expected string or number',
    });
  });
});

describe('parseDateRows', () => {
  const fields = ['createdDate', 'acceptedDate', 'wonDate'] as const;

  it('keeps only the dates asked for, missing ones as null, and ignores the other fields', () => {
    const row: Record<string, unknown> = {
      ...referral(),
      createdDate: '2026-01-02T03:04:05',
      acceptedDate: '2026-01-03T00:00:00',
      customerName: { not: 'checked' },
    };
    delete row.wonDate;
    expect(parseDateRows([row], fields)).toEqual({
      ok: true,
      rows: [
        { createdDate: '2026-01-02T03:04:05', acceptedDate: '2026-01-03T00:00:00', wonDate: null },
      ],
    });
  });

  it('names the row and the date that is not a date string', () => {
    expect(parseDateRows([referral(), { ...referral(), acceptedDate: 5 }], fields)).toEqual({
      ok: false,
      problem: 'row 2: acceptedDate: expected string',
    });
    expect(parseDateRows(['text'], fields)).toEqual({
      ok: false,
      problem: 'row 1: expected object',
    });
  });
});

describe('toCount', () => {
  it('coerces numbers and numeric strings only', () => {
    expect(toCount(3)).toBe(3);
    expect(toCount(' 63 ')).toBe(63);
    expect(toCount('1.5')).toBe(1.5);
    expect(toCount('')).toBeNull();
    expect(toCount('12a')).toBeNull();
    expect(toCount(Number.POSITIVE_INFINITY)).toBeNull();
    expect(toCount(null)).toBeNull();
  });
});

describe('findMeasure', () => {
  it('prefers referralCount', () => {
    expect(findMeasure({ status: 'Won', other: 1, referralCount: '42' }, ['status'])).toEqual({
      name: 'referralCount',
      value: 42,
    });
  });

  it('takes the numeric field that is not a groupby field', () => {
    expect(findMeasure({ customerMarket: '12', count: '9' }, ['customerMarket'])).toEqual({
      name: 'count',
      value: 9,
    });
  });

  it('gives null when there is no numeric field outside the groupby', () => {
    expect(
      findMeasure({ status: 'Won', customerMarket: '12' }, ['status', 'customerMarket']),
    ).toBeNull();
  });
});

describe('nextPageQuery', () => {
  const query = { filter: "status eq 'Won'", top: 10, skip: 20 };

  it('follows a readable link that moves forward', () => {
    expect(
      nextPageQuery(query, "referrals?filter=status%20eq%20'Won'&top=10&skip=30", 10, 100),
    ).toEqual({
      filter: "status eq 'Won'",
      top: 10,
      skip: 30,
    });
  });

  it('pages by skip when the link is missing but TotalCount says more exist', () => {
    expect(nextPageQuery(query, null, 10, 31)).toEqual({ ...query, skip: 30 });
    expect(nextPageQuery(query, null, 10, 30)).toBeNull();
  });

  it('pages by skip when the link cannot be read or does not move forward', () => {
    expect(nextPageQuery(query, 'referrals?skiptoken=x', 10, 100)).toEqual({ ...query, skip: 30 });
    expect(nextPageQuery(query, 'referrals?top=10&skip=20', 10, 100)).toEqual({
      ...query,
      skip: 30,
    });
  });

  it('without a count, a full page suggests more and a short one ends', () => {
    expect(nextPageQuery(query, null, 10, null)).toEqual({ ...query, skip: 30 });
    expect(nextPageQuery(query, null, 9, null)).toBeNull();
    expect(nextPageQuery({}, null, 10000, null)).toEqual({ skip: 10000 });
  });

  it('stops on an empty page whatever the count says', () => {
    expect(nextPageQuery(query, null, 0, 1000)).toBeNull();
  });
});
