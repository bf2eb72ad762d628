// The list the table shows now, as a query string (filters, page, size, expression, sort), for the
// links it gives each row. The router's location is no guide: nuqs writes the URL shallowly, so
// the router still holds the address the page was first loaded at.
import { createSerializer, useQueryStates } from 'nuqs';
import { createContext, useContext, useMemo } from 'react';
import { filterParsers } from '../filters';
import { tableParsers } from './table-url-state';

const listParsers = { ...filterParsers, ...tableParsers };
const serializeList = createSerializer(listParsers);

/** `?status=Won&page=4&size=100`: the list's state with the page shown (which may lead the URL's). */
export function useListSearch(page: number): string {
  const [values] = useQueryStates(listParsers);
  return useMemo(() => serializeList({ ...values, page }), [values, page]);
}

/** The table's list search, for the row links deep inside it. */
export const ListSearchContext = createContext('');

export function useListSearchContext(): string {
  return useContext(ListSearchContext);
}
