import { describe, expect, it } from 'vitest';
import { RowBytes } from './row-bytes';

function bytesOf(cache: RowBytes, row: object): string {
  const target = Buffer.alloc(cache.length(row));
  expect(cache.copy(row, target, 0)).toBe(target.length);
  return target.toString('utf8');
}

describe('RowBytes', () => {
  it("returns each row's JSON as UTF-8, past the index's and the chunks' first sizes", () => {
    const cache = new RowBytes();
    // About 9 MB in all: several 4 MB chunks and several doublings of the index.
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      id: String(i),
      customerName: `${'Ærø 日本 😀 '.repeat(i % 7)}${'x'.repeat(3000)}`,
    }));
    for (const row of rows) expect(bytesOf(cache, row)).toBe(JSON.stringify(row));
    for (const row of rows.slice().reverse()) expect(bytesOf(cache, row)).toBe(JSON.stringify(row));
  });

  it('encodes a row once: later changes to the object are not seen (dataset rows never change)', () => {
    const cache = new RowBytes();
    const row = { id: '1', status: 'New' };
    const first = bytesOf(cache, row);
    row.status = 'Won';
    expect(bytesOf(cache, row)).toBe(first);
  });

  it('copies at an offset into a larger buffer', () => {
    const cache = new RowBytes();
    const row = { customerName: "O'Brien <img src=x onerror=alert(1)>" };
    const target = Buffer.alloc(100, 0x20);
    const written = cache.copy(row, target, 10);
    expect(target.subarray(10, 10 + written).toString('utf8')).toBe(JSON.stringify(row));
    expect(target.subarray(0, 10).toString()).toBe(' '.repeat(10));
  });
});
