import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import type { Ref } from 'react';
import { formatAsOf, oldestActiveAnswer } from './query-activity';
import { useNow } from './use-now';
import { useQueryCacheValue } from './use-query-cache-value';

/**
 * "Data as of 14:02 · Refresh": when the oldest answer on the page was fetched (kept answers from an earlier
 * visit included), and a way to ask Partner Center again. Nothing before the page's first answer.
 */
export function DataFreshness({ refreshRef }: { refreshRef?: Ref<HTMLButtonElement> }) {
  const queryClient = useQueryClient();
  const asOf = useQueryCacheValue(oldestActiveAnswer);
  const refreshing = useIsFetching({ type: 'active' }) > 0;
  // Renewed each minute, so "as of" gains its date once midnight passes.
  const now = useNow(asOf !== null, 60_000);
  if (asOf === null) return null;
  return (
    <p className="data-freshness">
      <span>
        Data as of <time dateTime={new Date(asOf).toISOString()}>{formatAsOf(asOf, now)}</time>
      </span>
      <span className="data-freshness__separator" aria-hidden="true">
        ·
      </span>
      <button
        ref={refreshRef}
        type="button"
        className="data-freshness__refresh"
        // Not `disabled`: the button keeps focus while the page refreshes.
        aria-disabled={refreshing}
        onClick={() => {
          if (!refreshing) void queryClient.invalidateQueries();
        }}
      >
        Refresh
      </button>
      <span role="status" className="data-freshness__state">
        {refreshing ? 'Refreshing…' : ''}
      </span>
    </p>
  );
}
