import { useQueryClient } from '@tanstack/react-query';
import { oldestActiveFetch, secondsWaited, SLOW_ANSWER_MS } from './query-activity';
import { useNow } from './use-now';
import { useQueryCacheValue } from './use-query-cache-value';

/**
 * One notice for the whole page when a request is still waiting after 5 s, counting the seconds up. Cancel stops
 * every request under way (their AbortSignals abort the fetches); each query goes back to what it showed before.
 */
export function SlowAnswerNotice({ onCancelled }: { onCancelled?: () => void }) {
  const queryClient = useQueryClient();
  const since = useQueryCacheValue(oldestActiveFetch);
  const now = useNow(since !== null);
  if (since === null || now - since < SLOW_ANSWER_MS) return null;
  return (
    <div className="slow-answer" role="status">
      <p className="slow-answer__text">
        Partner Center is taking longer than usual{' '}
        {/* Read once by screen readers, not at every second. */}
        <span aria-hidden="true">({secondsWaited(since, now)} s)</span>
      </p>
      <button
        type="button"
        className="button slow-answer__cancel"
        onClick={() => {
          void queryClient.cancelQueries();
          onCancelled?.();
        }}
      >
        Cancel
      </button>
    </div>
  );
}
