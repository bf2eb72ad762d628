import { describe, expect, it } from 'vitest';
import { chartCsv, chartFileName, countColumn, rateColumn, screenColumns } from './chart-columns';

interface Row {
  label: string;
  total: number;
  rate: number | null;
}

const rows: Row[] = [
  { label: 'US', total: 1234, rate: 0.25 },
  { label: 'Other', total: 0, rate: null },
];

describe('chart columns', () => {
  it('shows counts and rates as people read them; the CSV keeps counts as numbers, rates as shown', () => {
    const count = countColumn<Row>('Referrals', (r) => r.total);
    const rate = rateColumn<Row>('Win rate', (r) => r.rate);
    expect(rows.map(count.text)).toEqual(['1,234', '0']);
    expect(rows.map(rate.text)).toEqual(['25%', '—']);
    expect(count.numeric && rate.numeric).toBe(true);
    expect(
      chartCsv(
        [{ header: 'Market', text: (r) => r.label, csv: (r) => r.label }, count, rate],
        rows,
      ),
    ).toBe('\uFEFFMarket,Referrals,Win rate\r\nUS,1234,25%\r\nOther,0,\r\n');
  });

  it('keeps columns meant for the CSV alone (the API’s codes) off the screen', () => {
    const code = {
      header: 'Code',
      text: (r: Row) => r.label,
      csv: (r: Row) => r.label,
      csvOnly: true,
    };
    const count = countColumn<Row>('Referrals', (r) => r.total);
    expect(screenColumns([count, code])).toEqual([count]);
    expect(chartCsv([count, code], rows)).toBe('\uFEFFReferrals,Code\r\n1234,US\r\n0,Other\r\n');
  });

  it('names the file after the chart and the view', () => {
    expect(chartFileName('Referrals per status', 'created-2026-08-24-to-2026-11-24')).toBe(
      'referrals-per-status_created-2026-08-24-to-2026-11-24.csv',
    );
  });
});
