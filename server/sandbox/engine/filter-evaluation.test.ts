import { describe, expect, it } from 'vitest';
import type { Referral } from '../../../src/lib/referrals/schema';
import { prepareDataset } from './dataset';
import { executeReferralsQuery } from './execute';
import { FIXTURE_ROWS } from './fixtures.test-data';

const dataset = prepareDataset(FIXTURE_ROWS);

function ids(filter: string): string[] {
  const response = executeReferralsQuery(dataset, new URLSearchParams({ filter }));
  if (response.status !== 200) throw new Error(`${filter}: ${JSON.stringify(response.body)}`);
  return (response.body.Value as Referral[]).map((row) => row.id);
}

const sorted = (list: string[]) => [...list].sort((a, b) => Number(a) - Number(b));

describe('filters on text fields', () => {
  it('eq and ne ignore case', () => {
    expect(sorted(ids("customerMarket eq 'us'"))).toEqual([
      '1',
      '5',
      '10',
      '11',
      '12',
      '17',
      '100',
    ]);
    expect(sorted(ids("customerMarket eq 'US'"))).toEqual(sorted(ids("customerMarket eq 'uS'")));
    expect(ids("customerMarket ne 'us'")).toHaveLength(FIXTURE_ROWS.length - 7);
    expect(sorted(ids("customerName eq 'ADATUM'"))).toEqual(['11', '12']);
  });

  it("matches quotes written as ''", () => {
    expect(ids("customerName eq 'O''Brien & Sons'")).toEqual(['3']);
    expect(sorted(ids("contains(customerName, 'o''brien')"))).toEqual(['3', '4']);
  });

  it('contains ignores case and finds any part of the text', () => {
    expect(sorted(ids("contains(customerName, 'CONTOSO')"))).toEqual(['1', '10']);
    expect(ids("contains(customerName, '株式')")).toEqual(['8']);
    expect(ids("contains(customerName, 'ünïcödé')")).toEqual(['9']);
    expect(ids("contains(customerName, '<img')")).toEqual(['6']);
    expect(ids("contains(customerName, '')")).toHaveLength(FIXTURE_ROWS.length);
  });

  it('orders text by case-folded code units, so ge and le together mean eq', () => {
    expect(sorted(ids("customerName ge 'adatum' and customerName le 'ADATUM'"))).toEqual([
      '11',
      '12',
    ]);
    expect(sorted(ids("customerName lt 'b'"))).toEqual(
      sorted(
        FIXTURE_ROWS.filter((row) => row.customerName.toLowerCase() < 'b').map((row) => row.id),
      ),
    );
    expect(ids("customerName gt 'zeta'")).toEqual(['9', '8']);
    expect(sorted(ids("id gt '5'"))).toEqual(['6', '7', '8', '9']);
  });

  it('reads a quoted date compared with a text field as text', () => {
    expect(ids("customerName eq '2026-01-01'")).toEqual([]);
  });

  it('compares two text fields, ignoring case', () => {
    expect(ids('customerMarket ne partnerMarket')).toEqual([]);
    expect(ids('customerMarket eq partnerMarket')).toHaveLength(FIXTURE_ROWS.length);
  });
});

describe('filters on date fields', () => {
  it('compares instants; a date-only literal is midnight UTC', () => {
    expect(sorted(ids("createdDate eq '2026-01-01'"))).toEqual(['11']);
    expect(sorted(ids("createdDate eq cast('2026-01-01T08:00:00', Edm.DateTimeOffset)"))).toEqual([
      '12',
    ]);
    expect(sorted(ids("createdDate eq '2026-01-01T09:00:00+01:00'"))).toEqual(['12']);
    expect(sorted(ids("createdDate eq '2026-01-01T08:00:00.000Z'"))).toEqual(['12']);
  });

  it('ranges include the start and exclude the end', () => {
    expect(sorted(ids("createdDate ge '2026-01-01' and createdDate lt '2026-02-01'"))).toEqual([
      '11',
      '12',
      '13',
      '14',
    ]);
    expect(
      sorted(ids("createdDate gt '2026-01-31T23:59:59' and createdDate le '2026-02-01'")),
    ).toEqual(['15', '16', '100']);
  });

  it('compares two date fields', () => {
    expect(sorted(ids('wonDate eq acceptedDate'))).toEqual(
      sorted(FIXTURE_ROWS.filter((row) => row.wonDate === row.acceptedDate).map((row) => row.id)),
    );
    expect(sorted(ids('acceptedDate gt acknowledgedDate'))).toEqual(['3', '4', '5', '10', '15']);
  });
});

describe('null', () => {
  it('eq null and ne null test for a missing value', () => {
    expect(sorted(ids('wonDate ne null'))).toEqual(['4', '10', '18']);
    expect(ids('wonDate eq null')).toHaveLength(FIXTURE_ROWS.length - 3);
    expect(ids('customerName eq null')).toEqual([]);
    expect(ids('customerName ne null')).toHaveLength(FIXTURE_ROWS.length);
  });

  it('ordering comparisons with null are false, whichever side it is on', () => {
    for (const op of ['gt', 'ge', 'lt', 'le']) {
      expect(ids(`wonDate ${op} null`)).toEqual([]);
      expect(ids(`null ${op} wonDate`)).toEqual([]);
      expect(ids(`customerName ${op} null`)).toEqual([]);
    }
  });

  it('a null field is unequal to every value and unordered to it', () => {
    expect(ids("wonDate ne '2021-02-01T00:00:00'")).toHaveLength(FIXTURE_ROWS.length - 1);
    expect(sorted(ids("wonDate lt '2100-01-01'"))).toEqual(['4', '10', '18']);
    expect(sorted(ids("not (wonDate lt '2100-01-01')"))).toHaveLength(FIXTURE_ROWS.length - 3);
  });

  it('two null fields are equal', () => {
    expect(ids('lostDate eq missedDate')).toHaveLength(FIXTURE_ROWS.length - 2);
  });
});

describe('and, or, not', () => {
  it('combine with the grammar precedence', () => {
    expect(sorted(ids("status eq 'won' or status eq 'lost' and customerMarket eq 'gb'"))).toEqual([
      '4',
      '10',
      '18',
    ]);
    expect(sorted(ids("(status eq 'won' or status eq 'lost') and customerMarket eq 'us'"))).toEqual(
      ['5', '10'],
    );
    expect(sorted(ids("not status eq 'new' and customerMarket eq 'us'"))).toEqual([
      '5',
      '10',
      '12',
    ]);
    expect(ids("not not status eq 'Mystery'")).toEqual(['19']);
  });

  it('an or-chain over one field matches any of its values, ignoring case', () => {
    expect(
      sorted(ids("customerMarket eq 'gb' or customerMarket eq 'IE' or status eq 'Mystery'")),
    ).toEqual(['2', '3', '4', '18', '19']);
  });
});
