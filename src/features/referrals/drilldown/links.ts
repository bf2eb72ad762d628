// Links between the table and one referral. The drill-down URL carries the dashboard's whole query
// string (filters, page, size, expression, sort), so it is shareable, "Back" returns to the same
// page and the drill-down can find the page's cached rows for previous/next.

/** `/referrals/<id>?<the table's query string>`; `search` is '' or starts with '?'. */
export function referralPath(id: string, search: string): string {
  return `/referrals/${encodeURIComponent(id)}${search}`;
}

/** The dashboard with the table as it was. */
export function tablePath(search: string): string {
  return `/${search}`;
}

/**
 * Navigation state a table link sets, so "Back" can step back in history instead of adding to it
 * (only while the drill-down still shows the list it was opened from).
 */
export interface FromTableState {
  fromTable: true;
  /** The list's query string when the link was followed. */
  search: string;
}

export function isFromTable(state: unknown, search: string): state is FromTableState {
  if (typeof state !== 'object' || state === null) return false;
  const from = state as Partial<FromTableState>;
  return from.fromTable === true && from.search === search;
}

/** The list's query string on another page: the sort is within a page, so it starts over too. */
export function searchWithPage(search: string, page: number): string {
  const params = new URLSearchParams(search);
  if (page > 1) params.set('page', String(page));
  else params.delete('page');
  params.delete('sort');
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** A referral to go to, and the list page it is on. */
export interface Neighbour {
  id: string;
  page: number;
}

export interface Neighbours {
  /** 0-based place of the referral among the page's rows, or -1 when it is not on the page. */
  index: number;
  previous: Neighbour | null;
  next: Neighbour | null;
}

export interface ListPages {
  page: number;
  /** The page's ids in on-screen order. */
  ids: readonly string[];
  /** The previous page's ids in the API's order, once known (undefined while not). */
  previousIds?: readonly string[];
  /** The next page's ids in the API's order, once known (empty: there is no next page). */
  nextIds?: readonly string[];
}

/**
 * The referrals before and after `id` in the list: on the same page, or across its edge the last
 * row of the page before and the first row of the page after.
 */
export function neighbours(list: ListPages, id: string): Neighbours {
  const { page, ids } = list;
  const index = ids.indexOf(id);
  if (index === -1) return { index, previous: null, next: null };
  const before = ids[index - 1];
  const after = ids[index + 1];
  const previousEdge = page > 1 ? list.previousIds?.at(-1) : undefined;
  const nextEdge = list.nextIds?.[0];
  return {
    index,
    previous:
      before !== undefined
        ? { id: before, page }
        : previousEdge !== undefined
          ? { id: previousEdge, page: page - 1 }
          : null,
    next:
      after !== undefined
        ? { id: after, page }
        : nextEdge !== undefined
          ? { id: nextEdge, page: page + 1 }
          : null,
  };
}
