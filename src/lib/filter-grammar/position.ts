import type { FilterError } from './ast';

/** How messages name a place: "at position N" counting characters from 1, like an editor's column. */
export function at(offset: number): string {
  return `at position ${offset + 1}`;
}

export function filterError(message: string, position: number, length?: number): FilterError {
  return length === undefined ? { message, position } : { message, position, length };
}

/** A user's text quoted for a message, cut short so that a 4 KB token does not make a 4 KB message. */
export function quoteForMessage(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  return `'${shown}'`;
}
