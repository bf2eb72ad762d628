// Median times to accept and to win need rows, which the API only gives in pages of up to 10,000 and without
// field selection. Only the accepted referrals of the view are fetched (a won referral was accepted first), page
// by page; only their three dates are read, and each page is reduced to its durations as it arrives.
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ReferralsClient } from '../../lib/api/client';
import { useReferralsClient } from '../../lib/api/client-context';
import { referralDatesPageQuery } from '../../lib/api/queries';
import type { ReferralsPage } from '../../lib/api/types';
import { MAX_TOP } from '../../lib/referrals/schema';
import { combineQueries, type CombinedQueryState } from '../charts/data/queryState';
import { durationsOf, median, type DurationRow, type Durations } from './medians';

export interface DurationMedians extends CombinedQueryState {
  toAccept: number | null;
  toWin: number | null;
  /** Pages fetched so far and pages in all (0 of 0 until the first page says how many). */
  progress: { loaded: number; total: number };
}

// Selectors live at module level: React Query re-runs an inline `select` on every render, and reading the
// durations of 10,000 rows each time would cost more than the rest of the dashboard's rendering.
const DURATION_FIELDS = ['createdDate', 'acceptedDate', 'wonDate'] as const;
type DurationPage = ReferralsPage<DurationRow>;

function firstPageSummary(page: DurationPage) {
  return { durations: durationsOf(page.rows), totalCount: page.totalCount, rows: page.rows.length };
}

function pageDurations(page: DurationPage): Durations {
  return durationsOf(page.rows);
}

/** Module-level so React Query keeps its result (and so `durations`) the same object while pages are unchanged. */
function mergePages<R extends { data?: Durations | undefined }>(results: R[]) {
  const durations: Durations = { toAccept: [], toWin: [] };
  let loaded = 0;
  for (const result of results) {
    if (result.data === undefined) continue;
    loaded += 1;
    durations.toAccept.push(...result.data.toAccept);
    durations.toWin.push(...result.data.toWin);
  }
  return { results, durations, loaded };
}

/** Page `index` (0-based) of the rows the medians read. */
export function durationPageQuery(
  client: ReferralsClient,
  filter: string | undefined,
  index: number,
) {
  return referralDatesPageQuery(
    client,
    { filter, top: MAX_TOP, skip: index * MAX_TOP },
    DURATION_FIELDS,
  );
}

export function useDurationMedians(filter: string | undefined): DurationMedians {
  const client = useReferralsClient();
  const first = useQuery({
    ...durationPageQuery(client, filter, 0),
    select: firstPageSummary,
    placeholderData: keepPreviousData,
  });
  // Without a TotalCount, keep paging while pages come back full.
  const totalRows =
    first.data?.totalCount ??
    (first.data?.rows === MAX_TOP ? 2 * MAX_TOP : (first.data?.rows ?? 0));
  const pageCount = first.data === undefined ? 0 : Math.max(1, Math.ceil(totalRows / MAX_TOP));
  const rest = useQueries({
    queries: Array.from({ length: Math.max(0, pageCount - 1) }, (_, index) => ({
      ...durationPageQuery(client, filter, index + 1),
      select: pageDurations,
    })),
    combine: mergePages,
  });

  const state = combineQueries([first, ...rest.results]);
  const loaded = (first.data ? 1 : 0) + rest.loaded;
  const medians = useMemo(() => {
    if (!state.ready || first.data === undefined) return { toAccept: null, toWin: null };
    return {
      toAccept: median([...first.data.durations.toAccept, ...rest.durations.toAccept]),
      toWin: median([...first.data.durations.toWin, ...rest.durations.toWin]),
    };
  }, [state.ready, first.data, rest.durations]);

  return { ...state, ...medians, progress: { loaded, total: pageCount } };
}
