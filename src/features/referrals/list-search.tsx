// The list the table shows now, as a query string (filters, page, size, expression, sort), for the
// links it gives each row. The router's location is no guide: nuqs writes the URL shallowly, so
// the router still holds the address the page was first loaded at.
import { createSerializer, useQueryStates } from 'nuqs';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { filterParsers } from '../filters';
import { tableParsers } from './table-url-state';

const listParsers = { ...filterParsers, ...tableParsers };
const serializeList = createSerializer(listParsers);

// The granularity and the comparison change no row; only the row links carry them (back to the same view).
const VIEW_SETTINGS = new Set(['granularity', 'compare']);
const rowFilterParsers = Object.fromEntries(
  Object.entries(filterParsers).filter(([key]) => !VIEW_SETTINGS.has(key)),
) as Omit<typeof filterParsers, 'granularity' | 'compare'>;
const rowListParsers = { ...rowFilterParsers, ...tableParsers };
const serializeRowList = createSerializer(rowListParsers);

/**
 * `?status=Won&page=4&size=100`: what decides the table's rows, with the page shown (which may lead the URL's). It
 * keys the table's kept scroll; a granularity change leaves it, and so does not re-render the table.
 */
export function useRowListSearch(page: number): string {
  const [values] = useQueryStates(rowListParsers);
  return useMemo(() => serializeRowList({ ...values, page }), [values, page]);
}

const ListSearchContext = createContext('');

/**
 * Gives the row links deep inside `children` the whole list's search, view settings too. Only the links read it, so
 * a granularity change re-renders them and not the table (`children` keeps its identity).
 */
export function ListSearchProvider({ page, children }: { page: number; children: ReactNode }) {
  const [values] = useQueryStates(listParsers);
  const search = useMemo(() => serializeList({ ...values, page }), [values, page]);
  return <ListSearchContext value={search}>{children}</ListSearchContext>;
}

export function useListSearchContext(): string {
  return useContext(ListSearchContext);
}
