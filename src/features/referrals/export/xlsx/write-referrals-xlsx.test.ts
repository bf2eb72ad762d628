// The workbook read back: unzipped and its sheet XML inspected, so the tests see what Excel sees.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeReferral } from '../../../../testing/referral';
import { apiDateToUtc, MAX_COLUMN_WIDTH, xlsxCell } from './referrals-sheet';
import { writeReferralsXlsx, XLSX_MIME_TYPE } from './write-referrals-xlsx';

interface Workbook {
  sheet: string;
  sharedStrings: string[];
  styles: string;
}

async function readBack(blob: Blob): Promise<Workbook> {
  const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  const text = (name: string) => strFromU8(files[name]!);
  const sharedStrings = [...text('xl/sharedStrings.xml').matchAll(/<si><t[^>]*>(.*?)<\/t><\/si>/gs)]
    .map((m) => m[1]!)
    .map(unescapeXml);
  return { sheet: text('xl/worksheets/sheet1.xml'), sharedStrings, styles: text('xl/styles.xml') };
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The `<c>` element at a cell address (A1 style). */
function cell(workbook: Workbook, address: string): string {
  const match = new RegExp(`<c r="${address}"[^>]*?(?:/>|>.*?</c>)`, 's').exec(workbook.sheet);
  if (!match) throw new Error(`no cell ${address}`);
  return match[0];
}

function cellText(workbook: Workbook, address: string): string {
  const xml = cell(workbook, address);
  expect(xml).toContain('t="s"');
  return workbook.sharedStrings[Number(/<v>(\d+)<\/v>/.exec(xml)![1])]!;
}

describe('xlsxCell', () => {
  it('types dates as dates (UTC), numbers as numbers, and everything else as text', () => {
    expect(xlsxCell('createdDate', '2026-02-07T23:43:19')).toEqual(
      new Date(Date.UTC(2026, 1, 7, 23, 43, 19)),
    );
    expect(xlsxCell('createdDate', null)).toBeNull();
    expect(xlsxCell('createdDate', 'soon')).toBe('soon');
    expect(xlsxCell('id', 42)).toBe(42);
    expect(xlsxCell('customerName', '=1+1')).toBe('=1+1');
  });

  it('never turns an impossible date into another day', () => {
    expect(apiDateToUtc('2026-02-30T00:00:00')).toBeNull();
    expect(apiDateToUtc('2024-02-29T00:00:00')).toEqual(new Date(Date.UTC(2024, 1, 29)));
  });
});

describe('writeReferralsXlsx', () => {
  it('writes a typed workbook: bold frozen header, date cells, widths that fit', async () => {
    const rows = [
      makeReferral({ id: '1001', customerName: 'Contoso', createdDate: '2026-02-07T23:43:19' }),
      makeReferral({ id: '1002', customerName: 'A much longer customer name, Ltd' }),
    ];
    const blob = await writeReferralsXlsx(rows, ['id', 'customerName', 'createdDate', 'wonDate']);
    expect(blob.type).toBe(XLSX_MIME_TYPE);
    const workbook = await readBack(blob);

    expect(cellText(workbook, 'A1')).toBe('Referral ID');
    expect(cellText(workbook, 'C1')).toMatch(/\(UTC\)$/);
    expect(cellText(workbook, 'A2')).toBe('1001');
    // A date cell: a number (Excel's serial day, UTC) with a date format, not text.
    const date = cell(workbook, 'C2');
    expect(date).not.toContain('t="');
    const serial = Number(/<v>([\d.]+)<\/v>/.exec(date)![1]);
    const expected = Date.UTC(2026, 1, 7, 23, 43, 19) / 86_400_000 + 25_569;
    expect(serial).toBeCloseTo(expected, 8);
    const styleId = Number(/ s="(\d+)"/.exec(date)![1]);
    const cellXfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(workbook.styles)![1]!;
    const xf = [...cellXfs.matchAll(/<xf\b[^>]*>/g)][styleId]![0];
    const numFmtId = /numFmtId="(\d+)"/.exec(xf)![1];
    expect(workbook.styles).toMatch(
      new RegExp(`<numFmt numFmtId="${numFmtId}" formatCode="yyyy-mm-dd hh:mm:ss"`),
    );
    // An empty date is an empty cell, not the text "null".
    expect(workbook.sheet).not.toMatch(/<c r="D2"[^>]*>.*?<v>/s);
    // Header frozen, columns sized to their longest value.
    expect(workbook.sheet).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    const widths = [...workbook.sheet.matchAll(/<col [^>]*width="([\d.]+)"/g)].map((m) =>
      Number(m[1]),
    );
    expect(widths).toHaveLength(4);
    expect(widths[1]).toBeGreaterThanOrEqual('A much longer customer name, Ltd'.length);
    expect(Math.max(...widths)).toBeLessThanOrEqual(MAX_COLUMN_WIDTH);
  });

  it('keeps formula-looking text as text, never a formula', async () => {
    const hostile = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '=1+1'];
    const rows = hostile.map((customerName, i) => makeReferral({ id: String(i), customerName }));
    const workbook = await readBack(await writeReferralsXlsx(rows, ['customerName']));
    expect(workbook.sheet).not.toContain('<f>');
    hostile.forEach((text, i) => expect(cellText(workbook, `A${i + 2}`)).toBe(text));
  });
});
