// "Any change of the filters returns to the first page", without fighting back/forward: a filter
// change that leaves the URL's page as it was starts over at page 1; a navigation that changes the
// filter and the page together (back, forward, a shared link) is taken as it is.

export interface PageTracking {
  filter: string | undefined;
  /** The page the URL said when the filter was last seen. */
  urlPage: number;
  /** The page to show. */
  page: number;
}

export function startPageTracking(filter: string | undefined, urlPage: number): PageTracking {
  return { filter, urlPage, page: urlPage };
}

/** The tracking after a render with this filter and URL page; the same object when nothing changed. */
export function trackPage(
  tracking: PageTracking,
  filter: string | undefined,
  urlPage: number,
): PageTracking {
  if (tracking.filter !== filter) {
    const startOver = tracking.urlPage === urlPage;
    return { filter, urlPage, page: startOver ? 1 : urlPage };
  }
  if (tracking.urlPage !== urlPage) return { filter, urlPage, page: urlPage };
  return tracking;
}
