import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { makeReferral } from '../../../../testing/referral';
import { awaitingCsv, awaitingFileName } from './awaiting-csv';
import { awaitingReferrals } from './time-left';

describe('awaiting list CSV', () => {
  it('keeps the order, neutralises formulas and writes hours left as numbers', () => {
    const asOf = Date.parse('2026-12-06T00:00:00Z');
    const list = awaitingReferrals(
      [
        makeReferral({
          id: '7',
          customerName: '=HYPERLINK("x")',
          createdDate: '2026-11-30T00:00:00',
        }),
        makeReferral({
          id: '8',
          customerName: 'Fabrikam, Inc.',
          createdDate: '2026-11-23T06:00:00',
        }),
      ],
      asOf,
    );
    const parsed = Papa.parse<string[]>(awaitingCsv(list, asOf).replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    });
    expect(parsed.data.slice(1)).toEqual([
      ['8', 'Fabrikam, Inc.', 'US', 'New', '2026-11-23T06:00:00Z', '2026-12-07T06:00:00Z', '30'],
      ['7', `'=HYPERLINK("x")`, 'US', 'New', '2026-11-30T00:00:00Z', '2026-12-14T00:00:00Z', '192'],
    ]);
    expect(parsed.data[0]?.[6]).toBe('Hours left as of 2026-12-06T00:00:00Z');
    expect(awaitingFileName(asOf)).toBe('awaiting-response_as-of-2026-12-06.csv');
  });
});
