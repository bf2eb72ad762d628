import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { buildQueryString, queryFromNextLink } from './query-string';

describe('buildQueryString', () => {
  it('sends parameters in a fixed order, comma-joining groupby', () => {
    expect(
      buildQueryString({
        skip: 20,
        top: 10,
        aggregationLevel: 'week',
        groupby: ['status', 'createdDate'],
        filter: "status eq 'Won'",
      }),
    ).toBe(
      "filter=status%20eq%20'Won'&groupby=status%2CcreatedDate&aggregationLevel=week&top=10&skip=20",
    );
  });

  it('drops aggregationLevel without a groupby and an empty filter', () => {
    expect(buildQueryString({ aggregationLevel: 'day', filter: '  ', top: 5 })).toBe('top=5');
    expect(buildQueryString({ aggregationLevel: 'day', groupby: [] })).toBe('');
  });

  it('encodes characters that would break the query string', () => {
    const qs = buildQueryString({ filter: "customerName eq 'A&B=C#1+2'" });
    expect(new URLSearchParams(qs).get('filter')).toBe("customerName eq 'A&B=C#1+2'");
  });

  it.each([0, -1, 10001, 2.5, Number.NaN])('refuses top=%s before sending', (top) => {
    expect(() => buildQueryString({ top })).toThrow(ApiError);
    expect(() => buildQueryString({ top })).toThrow(/1 to 10,000/);
  });

  it('accepts the page limit itself', () => {
    expect(buildQueryString({ top: 10000 })).toBe('top=10000');
  });

  it.each([-1, 1.5])('refuses skip=%s', (skip) => {
    expect(() => buildQueryString({ skip })).toThrow(/Rows to skip/);
  });

  it('refuses unknown and repeated groupby fields', () => {
    // @ts-expect-error an unknown field, as untyped input could carry
    expect(() => buildQueryString({ groupby: ['nope'] })).toThrow(/unknown field\(s\): nope/);
    expect(() => buildQueryString({ groupby: ['status', 'status'] })).toThrow(/twice/);
  });

  it('refuses a filter longer than the API accepts', () => {
    expect(() => buildQueryString({ filter: 'x'.repeat(4097) })).toThrow(/4,097 characters/);
  });

  it('marks refused queries as client-side 400s that nothing was sent for', () => {
    try {
      buildQueryString({ top: 20000 });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ status: 400, kind: 'invalid-query', requestId: null });
    }
  });
});

describe('queryFromNextLink', () => {
  it('reads a link relative to /partner/v1/analytics/', () => {
    expect(queryFromNextLink("referrals?filter=status%20eq%20'Won'&top=100&skip=100")).toEqual({
      filter: "status eq 'Won'",
      top: 100,
      skip: 100,
    });
  });

  it('reads an absolute link but keeps only its parameters', () => {
    expect(
      queryFromNextLink(
        'https://evil.example/partner/v1/analytics/referrals?groupby=status,createdDate&aggregationLevel=month&top=2&skip=4',
      ),
    ).toEqual({ groupby: ['status', 'createdDate'], aggregationLevel: 'month', top: 2, skip: 4 });
  });

  it('reads a root-relative link and $-prefixed names', () => {
    expect(queryFromNextLink('/partner/v1/analytics/referrals?$top=5&$skip=10')).toEqual({
      top: 5,
      skip: 10,
    });
  });

  it.each([
    'referrals?skiptoken=abc',
    'referrals?top=5&skip=x',
    'referrals?top=0&skip=5',
    'referrals?groupby=nope&skip=5',
    'referrals?groupby=status&aggregationLevel=year&skip=5',
  ])('gives null for a link it cannot represent: %s', (link) => {
    expect(queryFromNextLink(link)).toBeNull();
  });
});
