// Where the table was scrolled when a referral was opened, so "Back" lands on the same row. Kept in
// sessionStorage for the tab, under the URL's query string (the same page, filters and size).

const KEY = 'referral-lens.referrals-table.scroll';

export interface TableScroll {
  search: string;
  /** scrollTop of the table's own scroll container. */
  container: number;
  /** The window's scrollY. */
  window: number;
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
    store?.setItem(KEY, JSON.stringify(scroll));
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
    if (value.search !== search) return null;
    store?.removeItem(KEY);
    const container = Number(value.container);
    const windowY = Number(value.window);
    if (!Number.isFinite(container) || !Number.isFinite(windowY)) return null;
    return { search, container, window: windowY };
  } catch {
    return null;
  }
}
