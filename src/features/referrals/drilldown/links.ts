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

/** Navigation state a table link sets, so "Back" can step back in history instead of adding to it. */
export interface FromTableState {
  fromTable: true;
}

export function isFromTable(state: unknown): state is FromTableState {
  return (
    typeof state === 'object' &&
    state !== null &&
    (state as { fromTable?: unknown }).fromTable === true
  );
}

export interface Neighbours {
  /** 0-based place of the referral among the page's rows, or -1 when it is not on the page. */
  index: number;
  previous: string | null;
  next: string | null;
}

/** The referrals before and after `id` in the page's on-screen order. */
export function neighbours(ids: readonly string[], id: string): Neighbours {
  const index = ids.indexOf(id);
  if (index === -1) return { index, previous: null, next: null };
  return { index, previous: ids[index - 1] ?? null, next: ids[index + 1] ?? null };
}
