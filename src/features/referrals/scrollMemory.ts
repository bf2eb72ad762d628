// Where the table was scrolled when a referral was opened, so "Back" lands on the same row. Kept in
// sessionStorage for the tab, under the list's query string (the same page, filters and size; the
// order of its parameters does not matter).

const KEY = 'referral-lens.referrals-table.scroll';

export interface TableScroll {
  search: string;
  /** scrollTop of the table's own scroll container. */
  container: number;
  /** The window's scrollY. */
  window: number;
  /** 0-based index of the opened row among the page's rows (null when unknown). */
  row: number | null;
}

/** The query string with its parameters in one order, so two spellings of a list match. */
function canonical(search: string): string {
  const params = new URLSearchParams(search);
  params.sort();
  return params.toString();
}

type SessionStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function session(): SessionStore | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function rememberTableScroll(scroll: TableScroll, store: SessionStore | null = session()) {
  try {
    store?.setItem(KEY, JSON.stringify({ ...scroll, search: canonical(scroll.search) }));
  } catch {
    // Storage unavailable: Back still returns to the right page, only at the top.
  }
}

/** The remembered scroll for this query string, removed once taken; null when there is none. */
export function takeTableScroll(
  search: string,
  store: SessionStore | null = session(),
): TableScroll | null {
  try {
    const text = store?.getItem(KEY);
    if (!text) return null;
    const value = JSON.parse(text) as Partial<TableScroll>;
    if (value.search !== canonical(search)) return null;
    store?.removeItem(KEY);
    const container = Number(value.container);
    const windowY = Number(value.window);
    if (!Number.isFinite(container) || !Number.isFinite(windowY)) return null;
    const row = Number.isInteger(value.row) && Number(value.row) >= 0 ? Number(value.row) : null;
    return { search, container, window: windowY, row };
  } catch {
    return null;
  }
}

/**
 * The drill-down stepped to a referral on another page of the list: Back goes to that page, with
 * the window where it was when the table was left and the referral's row in view.
 */
export function moveTableScroll(
  search: string,
  row: number,
  store: SessionStore | null = session(),
) {
  let windowY = 0;
  try {
    const text = store?.getItem(KEY);
    const value = text ? (JSON.parse(text) as Partial<TableScroll>) : {};
    windowY = Number.isFinite(Number(value.window)) ? Number(value.window) : 0;
  } catch {
    // A broken entry: the window starts at the top.
  }
  rememberTableScroll({ search, container: 0, window: windowY, row }, store);
}
