import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { ReferralsClient } from '../../../lib/api/client';
import { useReferralsClient } from '../../../lib/api/client-context';
import { referralsPageQuery } from '../../../lib/api/queries';
import type { ReferralsPage } from '../../../lib/api/types';
import { MAX_TOP } from '../../../lib/referrals/schema';
import { lastPageNumber, pageWindow, type PageSize } from '../table-url-state';

export interface PageRequest {
  filter: string | undefined;
  page: number;
  size: PageSize;
  /** The filter in words, kept with the rows it brought (see `previous`). */
  label: string;
}

/** A page that arrived, and which request it answered. */
interface Arrived {
  data: ReferralsPage;
  filter: string | undefined;
  page: number;
  size: PageSize;
  label: string;
}

/** Rows on screen that answer an earlier request, after the one asked for failed. */
export interface PreviousResult {
  label: string;
  page: number;
  /** Only the page (or page size) changed, not the filter. */
  sameFilter: boolean;
}

/** Page `page` (1-based) of `size` rows of the referrals matching `filter`. */
export function tablePageQuery(
  client: ReferralsClient,
  filter: string | undefined,
  page: number,
  size: PageSize,
) {
  return referralsPageQuery(client, { filter, ...pageWindow(page, size) });
}

/**
 * One page of referrals. The previous page stays on screen while the next loads
 * (keepPreviousData) and after a failure; `prefetchNext` fetches the following page ahead when the
 * user shows the intent to open it.
 */
export function useReferralsPage({ filter, page, size, label }: PageRequest) {
  const client = useReferralsClient();
  const queryClient = useQueryClient();
  const query = useQuery({
    ...tablePageQuery(client, filter, page, size),
    placeholderData: keepPreviousData,
  });

  // The last page that arrived stays up when a later request fails, so nothing on screen is lost.
  const [lastArrived, setLastArrived] = useState<Arrived | undefined>(undefined);
  if (query.data !== undefined && !query.isPlaceholderData && query.data !== lastArrived?.data) {
    setLastArrived({ data: query.data, filter, page, size, label });
  }
  const shown = query.data ?? lastArrived?.data;
  const previous: PreviousResult | null =
    query.isError &&
    query.data === undefined &&
    lastArrived !== undefined &&
    (lastArrived.filter !== filter || lastArrived.page !== page || lastArrived.size !== size)
      ? {
          label: lastArrived.label,
          page: lastArrived.page,
          sameFilter: lastArrived.filter === filter,
        }
      : null;
  const current = query.isSuccess && !query.isPlaceholderData;
  const totalCount = shown?.totalCount ?? null;
  const lastPage = totalCount === null ? null : lastPageNumber(totalCount, size);
  const hasNextPage =
    totalCount !== null ? page * size < totalCount : current && query.data.next !== null;

  // On intent (the pointer on Next, or focus), not as soon as a page arrives: most first views never
  // open page 2, and fetching it ahead cost every dashboard load a second page of rows (issue 12's byte
  // budget). A 10,000-row page ahead would cost a full API page (and its rate limit) for nothing.
  const prefetchNext = useCallback(() => {
    if (!current || !hasNextPage || size >= MAX_TOP) return;
    void queryClient.prefetchQuery(tablePageQuery(client, filter, page + 1, size));
  }, [client, queryClient, current, hasNextPage, filter, page, size]);

  return {
    query,
    rows: shown?.rows,
    totalCount,
    lastPage,
    hasNextPage,
    /** The rows on screen belong to another page or filter while the requested one loads. */
    stale: query.isPlaceholderData || (query.isError && shown !== undefined),
    /** The rows on screen are an earlier filter's or page's, because the one asked for failed. */
    previous,
    loading: query.isFetching,
    prefetchNext,
  };
}
