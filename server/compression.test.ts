import { describe, expect, it } from 'vitest';
import { isCompressibleType, negotiateContentCoding } from './compression';

describe('negotiateContentCoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate, br', 'br'],
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['x-gzip', 'gzip'],
    ['GZIP, BR', 'br'],
    ['deflate', null],
    ['identity', null],
    ['', null],
    [undefined, null],
  ])('%j gives %j', (header, expected) => {
    expect(negotiateContentCoding(header)).toBe(expected);
  });

  it('follows q-values: the highest acceptable wins, brotli first at equal quality', () => {
    expect(negotiateContentCoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(negotiateContentCoding('gzip;q=0.8, br;q=0.8')).toBe('br');
    expect(negotiateContentCoding('gzip; q=1.0, br ; q=0.9')).toBe('gzip');
  });

  it('never picks a coding refused with q=0, nor one with an unreadable q', () => {
    expect(negotiateContentCoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateContentCoding('br;q=0, gzip;q=0')).toBeNull();
    expect(negotiateContentCoding('br;q=abc')).toBeNull();
  });

  it('reads * as every coding not named', () => {
    expect(negotiateContentCoding('*')).toBe('br');
    expect(negotiateContentCoding('br;q=0, *')).toBe('gzip');
    expect(negotiateContentCoding('*;q=0')).toBeNull();
    expect(negotiateContentCoding('gzip, *;q=0')).toBe('gzip');
  });
});

describe('isCompressibleType', () => {
  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'application/problem+json',
    'text/html;charset=utf-8',
    'text/css',
    'text/javascript',
    'application/javascript',
    'image/svg+xml',
    'application/manifest+json',
  ])('compresses %s', (type) => {
    expect(isCompressibleType(type)).toBe(true);
  });

  it.each(['image/png', 'font/woff2', 'application/zip', 'application/octet-stream', '', null])(
    'leaves %j as it is',
    (type) => {
      expect(isCompressibleType(type)).toBe(false);
    },
  );
});
