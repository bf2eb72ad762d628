// Splits filter text into tokens with their offsets. Lexing is linear and never recursive.

import type { FilterResult } from './ast';
import { at, filterError, quoteForMessage } from './position';

export type TokenKind = 'lparen' | 'rparen' | 'comma' | 'string' | 'name' | 'number' | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** Offset of the first character. */
  readonly start: number;
  /** Offset after the last character. */
  readonly end: number;
  /** The characters as written (for a string, including its quotes). */
  readonly text: string;
  /** A string's value with `''` read as `'`; a name's text otherwise. */
  readonly value: string;
}

/** What people type from other languages, and what this grammar spells instead. */
const HINTS: Readonly<Record<string, string>> = {
  '"': 'strings are written in single quotes',
  '=': 'compare with eq, ne, gt, ge, lt or le',
  '!': 'write ne for "not equal", or not before a condition',
  '<': 'compare with lt or le',
  '>': 'compare with gt or ge',
  '&': 'combine conditions with and',
  '|': 'combine conditions with or',
};

function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function isNamePart(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** An unquoted number or date runs on through the characters a date-time can hold. */
function isNumberPart(code: number): boolean {
  return isNamePart(code) || code === 46 || code === 58 || code === 43 || code === 45;
}

const WHITESPACE = /\s/;

function describeCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code < 32 || code === 127
    ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
    : `'${char}'`;
}

export function tokenize(text: string): FilterResult<Token[]> {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  const push = (kind: TokenKind, start: number, end: number, value?: string) => {
    const raw = text.slice(start, end);
    tokens.push({ kind, start, end, text: raw, value: value ?? raw });
  };

  while (i < n) {
    const char = text.charAt(i);
    const code = text.charCodeAt(i);
    if (WHITESPACE.test(char)) {
      i++;
    } else if (char === '(') {
      push('lparen', i, ++i);
    } else if (char === ')') {
      push('rparen', i, ++i);
    } else if (char === ',') {
      push('comma', i, ++i);
    } else if (char === "'") {
      const start = i;
      let value = '';
      let from = ++i;
      for (;;) {
        const quote = text.indexOf("'", i);
        if (quote < 0) {
          return {
            ok: false,
            error: filterError(
              `Unterminated string ${at(start)}: end it with a single quote (write '' for a quote inside a string).`,
              start,
              n - start,
            ),
          };
        }
        if (text.charAt(quote + 1) === "'") {
          value += text.slice(from, quote + 1);
          i = quote + 2;
          from = i;
        } else {
          value += text.slice(from, quote);
          i = quote + 1;
          break;
        }
      }
      push('string', start, i, value);
    } else if (isNameStart(code)) {
      const start = i;
      for (;;) {
        while (i < n && isNamePart(text.charCodeAt(i))) i++;
        // A dot joins name parts only when a name part follows (Edm.DateTimeOffset).
        if (text.charAt(i) === '.' && isNameStart(text.charCodeAt(i + 1))) i++;
        else break;
      }
      push('name', start, i);
    } else if (isDigit(code)) {
      const start = i;
      while (i < n && isNumberPart(text.charCodeAt(i))) i++;
      push('number', start, i);
    } else {
      const symbol = String.fromCodePoint(text.codePointAt(i) ?? code);
      const hint = HINTS[symbol];
      const shown = describeCharacter(symbol);
      return {
        ok: false,
        error: filterError(
          `Unexpected character ${shown} ${at(i)}${hint ? `: ${hint}` : ''}.`,
          i,
          symbol.length,
        ),
      };
    }
  }
  push('end', n, n, '');
  return { ok: true, value: tokens };
}

/** A token as messages show it. */
export function describeToken(token: Token): string {
  if (token.kind === 'end') return 'the end of the filter';
  if (token.kind === 'string')
    return `the string ${token.text.length > 40 ? `${token.text.slice(0, 37)}...` : token.text}`;
  return quoteForMessage(token.text);
}
