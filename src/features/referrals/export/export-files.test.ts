import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Referral } from '../../../lib/referrals/schema';
import {
  exportFileName,
  referralsCsv,
  referralsCsvBlob,
  referralsJsonBlob,
  visibleRowsBlob,
} from './export-files';

const base: Referral = {
  id: '112310',
  status: 'Won',
  customerMarket: 'US',
  customerName: '=HYPERLINK("http://evil","click")',
  customerOrgSize: '10to50employees',
  partnerMarket: 'DE',
  createdDate: '2026-01-01T08:00:00',
  acknowledgedDate: null,
  acceptedDate: '2026-01-02T09:30:00',
  declinedDate: null,
  expiredDate: null,
  lostDate: null,
  missedDate: null,
  skippedDate: null,
  wonDate: '2026-02-01T10:00:00',
  archivedDate: null,
};

const noWait = async () => {};

function records(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, '').replace(/\r\n$/, ''), {
    newline: '\r\n',
  }).data;
}

describe('referral CSV', () => {
  it('writes the chosen columns in order with labelled headers and UTC dates', () => {
    const csv = referralsCsv([base], ['customerName', 'id', 'createdDate', 'acknowledgedDate']);
    expect(records(csv)).toEqual([
      ['Customer', 'Referral ID', 'Created (UTC)', 'Acknowledged (UTC)'],
      [`'=HYPERLINK("http://evil","click")`, '112310', '2026-01-01 08:00:00', ''],
    ]);
  });

  it('writes organisation sizes as the table shows them, with the API’s code beside them', () => {
    const rows = [
      { ...base, customerOrgSize: '10to50employees' },
      { ...base, customerOrgSize: 'Morethan500employees' },
    ];
    expect(records(referralsCsv(rows, ['id', 'customerOrgSize']))).toEqual([
      ['Referral ID', 'Organisation size', 'Organisation size (API code)'],
      ['112310', '10–50', '10to50employees'],
      ['112310', '500+ (older)', 'Morethan500employees'],
    ]);
  });

  it('exports the visible rows in the format chosen: JSON keeps the visible fields in order', async () => {
    const json = visibleRowsBlob([base], ['status', 'id'], 'json');
    expect(json.type).toBe('application/json');
    const text = await json.text();
    expect(JSON.parse(text)).toEqual([{ status: base.status, id: '112310' }]);
    expect(Object.keys((JSON.parse(text) as object[])[0]!)).toEqual(['status', 'id']);
    const csv = visibleRowsBlob([base], ['id'], 'csv');
    expect(csv.type).toBe('text/csv;charset=utf-8');
    expect(records(await csv.text())).toEqual([['Referral ID'], ['112310']]);
  });

  it('builds a large file with a header and one record per row', async () => {
    const rows = Array.from({ length: 12_001 }, (_, index) => ({ ...base, id: String(index) }));
    const blob = await referralsCsvBlob(rows, ['id', 'status'], noWait);
    const parsed = records(new TextDecoder().decode(await blob.arrayBuffer()));
    expect(parsed).toHaveLength(12_002);
    expect(parsed[12_001]).toEqual(['12000', 'Won']);
  });
});

describe('referral JSON', () => {
  it('is the rows as the API sent them', async () => {
    const rows = Array.from({ length: 5_001 }, (_, index) => ({ ...base, id: String(index) }));
    const blob = await referralsJsonBlob(rows, noWait);
    expect(blob.type).toBe('application/json');
    expect(JSON.parse(await blob.text())).toEqual(rows);
    expect(JSON.parse(await (await referralsJsonBlob([], noWait)).text())).toEqual([]);
  });
});

describe('exportFileName', () => {
  const filters = 'created-2026-08-24-to-2026-11-24_status-Won';

  it('says which filters, expression and rows a file holds', () => {
    expect(
      exportFileName({ filters, expression: '', scope: { kind: 'all' }, extension: 'csv' }),
    ).toBe('referrals_created-2026-08-24-to-2026-11-24_status-Won_all.csv');
    expect(
      exportFileName({
        filters,
        expression: "customerMarket eq 'US'",
        scope: { kind: 'page', page: 3 },
        extension: 'csv',
      }),
    ).toBe(
      'referrals_created-2026-08-24-to-2026-11-24_status-Won_expr-customerMarket-eq-US_page-3.csv',
    );
  });

  it('marks partial files and keeps names short and safe', () => {
    const name = exportFileName({
      filters,
      expression: `contains(customerName, '${'x/'.repeat(100)}')`,
      scope: { kind: 'all' },
      partial: true,
      extension: 'json',
    });
    expect(name).toMatch(/_all_partial\.json$/);
    expect(name).not.toMatch(/[/\\:*?"<>|' ]/);
    expect(name.length).toBeLessThan(160);
  });
});
