import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, CSV_CHUNK_ROWS, csvBlob, csvRecords, toCsv } from './csv';

function parse(text: string): string[][] {
  const body = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  return Papa.parse<string[]>(body.replace(/\r\n$/, ''), { newline: '\r\n' }).data;
}

describe('CSV writing', () => {
  it('starts with a UTF-8 byte-order mark and ends every record with CRLF', () => {
    const csv = toCsv(['a', 'b'], [['1', '2']]);
    expect(csv).toBe('\uFEFFa,b\r\n1,2\r\n');
  });

  it('quotes fields with commas, quotes, CR or LF and doubles quotes', () => {
    expect(csvRecords([['a,b', 'say "hi"', 'line1\nline2', 'cr\rhere', 'plain']])).toBe(
      '"a,b","say ""hi""","line1\nline2","cr\rhere",plain\r\n',
    );
  });

  it('writes null and undefined as empty cells and numbers as digits', () => {
    expect(csvRecords([[null, undefined, 42, '']])).toBe(',,42,\r\n');
  });

  it.each(['=', '+', '-', '@', '\t', '\r'])('neutralises a cell starting with %j', (prefix) => {
    const value = `${prefix}HYPERLINK("http://x","y")`;
    const [[cell]] = parse(csvRecords([[value]])) as [[string]];
    expect(cell).toBe(`'${value}`);
  });

  it('neutralises a formula that continues on another line', () => {
    const value = '=1+1\nsecond line';
    expect(parse(csvRecords([[value]]))).toEqual([[`'${value}`]]);
  });

  it('leaves formula characters alone when they are not first', () => {
    expect(csvRecords([['a=b', 'x-y', 'me@example.com']])).toBe('a=b,x-y,me@example.com\r\n');
  });

  it('keeps non-Latin text intact', () => {
    const names = ['Müller GmbH', '株式会社テスト', 'Ωmega Ελλάς', 'شركة', '🚀 Rocket'];
    expect(
      parse(
        toCsv(
          ['name'],
          names.map((name) => [name]),
        ),
      ),
    ).toEqual([['name'], ...names.map((name) => [name])]);
  });

  it('round-trips any text through a CSV parser (formula cells come back with one leading quote)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 2, maxLength: 4 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (rows) => {
          const parsed = parse(csvRecords(rows));
          const expected = rows.map((row) =>
            row.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)),
          );
          expect(parsed).toEqual(expected);
        },
      ),
    );
  });

  it('builds a Blob in chunks with the BOM bytes, the header once and every row', async () => {
    const items = Array.from({ length: CSV_CHUNK_ROWS * 2 + 3 }, (_, index) => index);
    let yields = 0;
    const blob = await csvBlob(
      ['n'],
      items,
      (n) => [`=${n}`],
      async () => {
        yields += 1;
      },
    );
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const records = parse(new TextDecoder().decode(bytes));
    expect(records).toHaveLength(items.length + 1);
    expect(records[0]).toEqual(['n']);
    expect(records[items.length]).toEqual([`'=${items.length - 1}`]);
    expect(yields).toBe(3);
  });
});
