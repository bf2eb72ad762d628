import { describe, expect, it } from 'vitest';
import { tokenize } from './lexer';

function kinds(text: string) {
  const result = tokenize(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.map((token) => [token.kind, token.start, token.end, token.value]);
}

describe('tokenize', () => {
  it('gives each token its kind, offsets and value', () => {
    expect(kinds("contains(customerName,'O''Brien')")).toEqual([
      ['name', 0, 8, 'contains'],
      ['lparen', 8, 9, '('],
      ['name', 9, 21, 'customerName'],
      ['comma', 21, 22, ','],
      ['string', 22, 32, "O'Brien"],
      ['rparen', 32, 33, ')'],
      ['end', 33, 33, ''],
    ]);
  });

  it('joins dotted names and reads an unquoted number or date as one token', () => {
    expect(kinds('Edm.DateTimeOffset 2026-01-01T08:00:00+01:00 12')).toEqual([
      ['name', 0, 18, 'Edm.DateTimeOffset'],
      ['number', 19, 44, '2026-01-01T08:00:00+01:00'],
      ['number', 45, 47, '12'],
      ['end', 47, 47, ''],
    ]);
  });

  it('does not join a name and a dot that is not followed by a name', () => {
    const result = tokenize('a. b');
    expect(result).toMatchObject({
      ok: false,
      error: { message: "Unexpected character '.' at position 2.", position: 1 },
    });
  });

  it('offsets count UTF-16 code units, as input selections do', () => {
    const result = tokenize("'😀' x");
    expect(result.ok && result.value.map((token) => token.start)).toEqual([0, 5, 6]);
  });
});
