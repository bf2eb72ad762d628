// The table's part of the URL: page, page size and on-screen sort (the typed expression is the filter bar's).
// Typed nuqs parsers with defaults, so defaults stay out of the URL and a hand-edited link falls back to
// defaults key by key. The keys do not clash with the filter bar's (src/features/filters/url-state.ts).
import {
  createLoader,
  createParser,
  createSerializer,
  parseAsNumberLiteral,
  type inferParserType,
} from 'nuqs';
import { isReferralField, type ReferralField } from '../../lib/referrals/schema';

export const PAGE_SIZES = [25, 50, 100, 500, 1000, 10000] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 50;

export interface ColumnSort {
  id: ReferralField;
  desc: boolean;
}

/** A 1-based page number; anything else in the URL means page 1. */
const parseAsPageNumber = createParser({
  parse: (value: string) => (/^[1-9]\d{0,8}$/.test(value) ? Number(value) : null),
  serialize: (page: number) => String(page),
});

/** `createdDate.desc,customerName.asc`; unknown fields or directions make the whole sort invalid. */
const parseAsSort = createParser<ColumnSort[]>({
  parse: (value: string) => {
    const sorts: ColumnSort[] = [];
    for (const part of value.split(',')) {
      const [id, direction, extra] = part.split('.');
      if (extra !== undefined || !id || !isReferralField(id)) return null;
      if (direction !== 'asc' && direction !== 'desc') return null;
      if (sorts.some((sort) => sort.id === id)) return null;
      sorts.push({ id, desc: direction === 'desc' });
    }
    return sorts;
  },
  serialize: (sorts: ColumnSort[]) =>
    sorts.map((sort) => `${sort.id}.${sort.desc ? 'desc' : 'asc'}`).join(','),
  eq: (a: ColumnSort[], b: ColumnSort[]) =>
    a.length === b.length && a.every((sort, i) => sort.id === b[i]?.id && sort.desc === b[i]?.desc),
});

export const tableParsers = {
  page: parseAsPageNumber.withDefault(1),
  size: parseAsNumberLiteral(PAGE_SIZES).withDefault(DEFAULT_PAGE_SIZE),
  sort: parseAsSort.withDefault([]),
};

export type TableUrlState = inferParserType<typeof tableParsers>;

export const loadTableState = createLoader(tableParsers);
export const serializeTableState = createSerializer(tableParsers);

/** The rows a page covers: `skip` and `top` for the API. */
export function pageWindow(page: number, size: PageSize): { skip: number; top: number } {
  return { skip: (page - 1) * size, top: size };
}

/** The number of the last page (at least 1, so an empty result still has a page). */
export function lastPageNumber(totalCount: number, size: PageSize): number {
  return Math.max(1, Math.ceil(totalCount / size));
}
