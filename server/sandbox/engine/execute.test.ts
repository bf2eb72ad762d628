import { describe, expect, it } from 'vitest';
import { REFERRAL_FIELDS, type Referral } from '../../../src/lib/referrals/schema';
import { prepareDataset } from './dataset';
import { executeReferralsQuery, type QueryResponse } from './execute';
import { FIXTURE_ROWS, IDS_NEWEST_FIRST } from './fixtures.test-data';
import type { GroupedRow } from './group';

const dataset = prepareDataset(FIXTURE_ROWS);

function query(search: string): QueryResponse {
  return executeReferralsQuery(dataset, new URLSearchParams(search));
}

function ok(search: string) {
  const response = query(search);
  if (response.status !== 200) throw new Error(`${search}: ${JSON.stringify(response.body)}`);
  return response.body;
}

function grouped(search: string): GroupedRow[] {
  return ok(search).Value as GroupedRow[];
}

function badRequest(search: string): string {
  const response = query(search);
  expect(response.status).toBe(400);
  expect(response.body).toMatchObject({ code: 3000, data: [], source: 'PartnerFD' });
  return (response.body as { description: string }).description;
}

describe('ungrouped answers', () => {
  it('come newest first, ties broken by id descending numerically', () => {
    const body = ok('');
    expect((body.Value as Referral[]).map((row) => row.id)).toEqual(IDS_NEWEST_FIRST);
    expect(body.TotalCount).toBe(FIXTURE_ROWS.length);
    expect(body['@nextLink']).toBeNull();
  });

  it('give rows exactly as stored: every field, dates without Z', () => {
    const row = (ok("filter=id eq '4'").Value as Referral[])[0];
    expect(row).toEqual(FIXTURE_ROWS.find((candidate) => candidate.id === '4'));
    expect(row?.wonDate).toBe('2021-02-01T00:00:00');
  });

  it('page with top and skip, linking to the next page relative to /partner/v1/analytics/', () => {
    const first = ok('top=7');
    expect((first.Value as Referral[]).map((row) => row.id)).toEqual(IDS_NEWEST_FIRST.slice(0, 7));
    expect(first['@nextLink']).toBe('referrals?top=7&skip=7');
    const last = ok('top=7&skip=14');
    expect((last.Value as Referral[]).map((row) => row.id)).toEqual(IDS_NEWEST_FIRST.slice(14));
    expect(last['@nextLink']).toBeNull();
    expect(last.TotalCount).toBe(FIXTURE_ROWS.length);
    expect(ok('skip=100').Value).toEqual([]);
    expect(ok('skip=100').TotalCount).toBe(FIXTURE_ROWS.length);
    expect(ok('top=20')['@nextLink']).toBeNull();
    expect(ok('top=19')['@nextLink']).toBe('referrals?top=19&skip=19');
  });

  it('keep every parameter in @nextLink, encoding spaces as %20', () => {
    const link = ok("filter=status eq 'New' or status eq 'Won'&top=2&skip=2&extra=1")['@nextLink'];
    expect(link).toBe(
      'referrals?filter=status%20eq%20%27New%27%20or%20status%20eq%20%27Won%27&top=2&skip=4&extra=1',
    );
    const next = new URLSearchParams(link?.slice('referrals?'.length));
    expect(next.get('filter')).toBe("status eq 'New' or status eq 'Won'");
  });

  it('filter before paging, counting every match', () => {
    const body = ok("filter=customerMarket eq 'us'&top=2");
    expect((body.Value as Referral[]).map((row) => row.id)).toEqual(['17', '100']);
    expect(body.TotalCount).toBe(7);
  });

  it('ignore unknown parameters', () => {
    expect(ok('$filter=nonsense&orderby=x&Top=0').TotalCount).toBe(FIXTURE_ROWS.length);
  });
});

describe('grouped answers', () => {
  it('count per distinct term, ascending by exact value', () => {
    expect(grouped('groupby=customerMarket')).toEqual([
      { customerMarket: 'AU', referralCount: 1 },
      { customerMarket: 'BR', referralCount: 1 },
      { customerMarket: 'CA', referralCount: 1 },
      { customerMarket: 'DE', referralCount: 2 },
      { customerMarket: 'FR', referralCount: 1 },
      { customerMarket: 'GB', referralCount: 3 },
      { customerMarket: 'IE', referralCount: 1 },
      { customerMarket: 'JP', referralCount: 1 },
      { customerMarket: 'NL', referralCount: 1 },
      { customerMarket: 'US', referralCount: 6 },
      { customerMarket: 'ie', referralCount: 1 },
      { customerMarket: 'us', referralCount: 1 },
    ]);
    expect(ok('groupby=customerMarket').TotalCount).toBe(12);
  });

  it('bucket a date field by day when no aggregationLevel is given', () => {
    expect(
      grouped(
        "groupby=createdDate&filter=createdDate ge '2026-01-01' and createdDate lt '2026-01-05'",
      ),
    ).toEqual([
      { createdDate: '2026-01-01T00:00:00', referralCount: 2 },
      { createdDate: '2026-01-04T00:00:00', referralCount: 1 },
    ]);
  });

  it('bucket weeks from Monday across a year end', () => {
    expect(
      grouped("groupby=createdDate&aggregationLevel=week&filter=createdDate lt '2021-02-01'"),
    ).toEqual([
      { createdDate: '2020-12-28T00:00:00', referralCount: 3 },
      { createdDate: '2021-01-04T00:00:00', referralCount: 2 },
    ]);
    expect(
      grouped(
        "groupby=createdDate&aggregationLevel=week&filter=createdDate ge '2025-12-01' and createdDate lt '2026-01-10'",
      ),
    ).toEqual([{ createdDate: '2025-12-29T00:00:00', referralCount: 5 }]);
  });

  it('bucket months from the first day', () => {
    expect(
      grouped("groupby=createdDate&aggregationLevel=month&filter=createdDate ge '2026-01-01'"),
    ).toEqual([
      { createdDate: '2026-01-01T00:00:00', referralCount: 4 },
      { createdDate: '2026-02-01T00:00:00', referralCount: 4 },
      { createdDate: '2026-03-01T00:00:00', referralCount: 2 },
    ]);
  });

  it('put a null date in its own bucket, last', () => {
    expect(grouped('groupby=wonDate&aggregationLevel=month')).toEqual([
      { wonDate: '2021-02-01T00:00:00', referralCount: 1 },
      { wonDate: '2025-12-01T00:00:00', referralCount: 1 },
      { wonDate: '2026-03-01T00:00:00', referralCount: 1 },
      { wonDate: null, referralCount: FIXTURE_ROWS.length - 3 },
    ]);
  });

  it('order by the groupby fields in the order given', () => {
    const us = "filter=customerMarket eq 'us'";
    expect(grouped(`groupby=status,wonDate&aggregationLevel=month&${us}`)).toEqual([
      { status: 'Acknowledged', wonDate: null, referralCount: 1 },
      { status: 'Lost', wonDate: null, referralCount: 1 },
      { status: 'New', wonDate: null, referralCount: 4 },
      { status: 'Won', wonDate: '2025-12-01T00:00:00', referralCount: 1 },
    ]);
    expect(grouped(`groupby=wonDate,status&aggregationLevel=month&${us}`)).toEqual([
      { wonDate: '2025-12-01T00:00:00', status: 'Won', referralCount: 1 },
      { wonDate: null, status: 'Acknowledged', referralCount: 1 },
      { wonDate: null, status: 'Lost', referralCount: 1 },
      { wonDate: null, status: 'New', referralCount: 4 },
    ]);
  });

  it('apply aggregationLevel to every date field in groupby', () => {
    expect(
      grouped("groupby=createdDate,wonDate&aggregationLevel=month&filter=status eq 'Won'"),
    ).toEqual([
      { createdDate: '2021-01-01T00:00:00', wonDate: '2021-02-01T00:00:00', referralCount: 1 },
      { createdDate: '2025-12-01T00:00:00', wonDate: '2025-12-01T00:00:00', referralCount: 1 },
      { createdDate: '2026-03-01T00:00:00', wonDate: '2026-03-01T00:00:00', referralCount: 1 },
    ]);
  });

  it('ignore aggregationLevel when groupby has no date field', () => {
    expect(ok('groupby=status&aggregationLevel=month')).toEqual(ok('groupby=status'));
  });

  it('count groups in TotalCount and page over groups', () => {
    const first = ok('groupby=customerMarket&top=5');
    expect(first.Value).toHaveLength(5);
    expect(first.TotalCount).toBe(12);
    expect(first['@nextLink']).toBe('referrals?groupby=customerMarket&top=5&skip=5');
    const last = ok('groupby=customerMarket&top=5&skip=10');
    expect(last.Value).toEqual([
      { customerMarket: 'ie', referralCount: 1 },
      { customerMarket: 'us', referralCount: 1 },
    ]);
    expect(last['@nextLink']).toBeNull();
  });

  it('answer no groups when nothing matches', () => {
    expect(ok("groupby=status&filter=status eq 'nothing'")).toEqual({
      Value: [],
      '@nextLink': null,
      TotalCount: 0,
    });
  });

  it('order groups the same however many groups there could be', () => {
    // Six fields: more possible groups than the counting array holds. All sixteen: more than numbers count exactly.
    const byId = [...IDS_NEWEST_FIRST].sort();
    for (const fields of [
      ['id', 'status', 'customerName', 'createdDate', 'wonDate', 'partnerMarket'],
      REFERRAL_FIELDS,
    ]) {
      const body = ok(`groupby=${fields.join(',')}&top=15`);
      expect(body.TotalCount).toBe(FIXTURE_ROWS.length);
      const rows = [
        ...body.Value,
        ...ok(`groupby=${fields.join(',')}&skip=15`).Value,
      ] as GroupedRow[];
      expect(rows.map((row) => row.id)).toEqual(byId);
      expect(rows.every((row) => row.referralCount === 1)).toBe(true);
      expect(rows.find((row) => row.id === '4')).toEqual({
        ...Object.fromEntries(fields.map((field) => [field, null])),
        id: '4',
        status: 'Won',
        customerName: "o'brien ltd",
        createdDate: '2021-01-04T00:00:00',
        wonDate: '2021-02-01T00:00:00',
        partnerMarket: 'IE',
        ...(fields.length > 6
          ? {
              customerMarket: 'ie',
              customerOrgSize: '10to50employees',
              acknowledgedDate: '2021-01-04T00:00:00',
              acceptedDate: '2021-01-06T00:00:00',
            }
          : {}),
        referralCount: 1,
      });
    }
  });
});

describe('bad requests are 400s that say what is wrong', () => {
  const cases: [string, string | RegExp][] = [
    ['top=0', "top must be a whole number from 1 to 10000, but it is '0'."],
    ['top=10001', "top must be a whole number from 1 to 10000, but it is '10001'."],
    ['top=1.5', /but it is '1\.5'/],
    ['top=1e3', /but it is '1e3'/],
    ['top=-1', /but it is '-1'/],
    ['top=', /but it is ''/],
    ['top=%205', /but it is ' 5'/],
    ['top=abc', /but it is 'abc'/],
    [
      `top=${'9'.repeat(400)}`,
      /top must be a whole number from 1 to 10000, but it is '9{37}\.\.\.'/,
    ],
    ['skip=-1', "skip must be a whole number, 0 or more, but it is '-1'."],
    ['skip=1.0', /skip must be a whole number, 0 or more, but it is '1\.0'/],
    ['skip=', /skip must be/],
    [
      'aggregationLevel=week',
      'aggregationLevel needs a groupby with a date field, such as groupby=createdDate.',
    ],
    [
      'groupby=createdDate&aggregationLevel=year',
      "aggregationLevel must be day, week or month, but it is 'year'.",
    ],
    [
      'groupby=createdDate&aggregationLevel=Week',
      /aggregationLevel must be day, week or month, but it is 'Week'/,
    ],
    ['groupby=', /^groupby is empty: give one or more field names/],
    [
      'groupby=status,',
      "groupby has an empty field name in place 2 of 'status,': remove the extra comma.",
    ],
    ['groupby=Status', /^groupby names an unknown field 'Status'\. Fields are: id, status,/],
    ['groupby=status,status', 'groupby names status twice: give each field once.'],
    ['top=1&top=2', 'The parameter top is given 2 times: give it once.'],
    ['filter=a&filter=b', 'The parameter filter is given 2 times: give it once.'],
    ['groupby=status&groupby=id', /The parameter groupby is given 2 times/],
    ['filter=', /^Invalid filter: The filter is empty/],
    [
      "filter=custName eq 'x'",
      "Invalid filter: Unknown field 'custName' at position 1. Fields are: id, status, customerMarket, customerName, customerOrgSize, createdDate, acknowledgedDate, acceptedDate, declinedDate, expiredDate, lostDate, missedDate, skippedDate, wonDate, archivedDate, partnerMarket.",
    ],
    [
      "filter=status eq 'x' AND id eq '1'",
      'Invalid filter: Keywords are lower case: write and instead of AND at position 15.',
    ],
    [
      "filter=createdDate ge 'soon'",
      /^Invalid filter: createdDate is a date field and cannot be compared with 'soon' at position 16/,
    ],
    [
      "filter=customerName eq cast('2026-01-01', Edm.DateTimeOffset)",
      /^Invalid filter: customerName is a text field/,
    ],
    ["filter=status eq 'x' and", /^Invalid filter: Expected a condition at position 18/],
    [
      `filter=${encodeURIComponent(`customerName eq '${'x'.repeat(4100)}'`)}`,
      /^Invalid filter: The filter is 4118 characters long; at most 4096 are allowed\.$/,
    ],
    [
      `filter=${'('.repeat(33)}status eq 'x'${')'.repeat(33)}`,
      /^Invalid filter: The filter nests more than 32 levels deep at position 33/,
    ],
  ];

  it.each(cases)('%s', (search, description) => {
    const text = badRequest(search);
    if (typeof description === 'string') expect(text).toBe(description);
    else expect(text).toMatch(description);
  });

  it('accept the boundaries', () => {
    expect(query('top=1').status).toBe(200);
    expect(query('top=10000').status).toBe(200);
    expect(query('skip=0').status).toBe(200);
    expect(query(`filter=${'('.repeat(32)}status eq 'x'${')'.repeat(32)}`).status).toBe(200);
    expect(query('groupby=status, createdDate').status).toBe(200);
  });
});
