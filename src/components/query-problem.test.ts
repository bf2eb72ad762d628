import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api/errors';
import { queryProblem } from './query-problem';

const failure = new ApiError({ status: 429, description: 'slow down', retryAfterSeconds: 5 });

function query(state: { error?: unknown; failureReason?: unknown; isFetching?: boolean }) {
  return {
    error: (state.error ?? null) as Error | null,
    failureReason: (state.failureReason ?? null) as Error | null,
    isFetching: state.isFetching ?? false,
    refetch: vi.fn(),
  };
}

describe('queryProblem', () => {
  it('is null for a healthy query, fetching or not', () => {
    expect(queryProblem(query({}))).toBeNull();
    expect(queryProblem(query({ isFetching: true }))).toBeNull();
  });

  it('shows a failure React Query is still retrying', () => {
    expect(queryProblem(query({ isFetching: true, failureReason: failure }))).toMatchObject({
      error: failure,
      retrying: true,
    });
  });

  it('shows the final error once retries are over, with Try again refetching', () => {
    const failed = query({ error: failure, failureReason: failure });
    const problem = queryProblem(failed);
    expect(problem).toMatchObject({ error: failure });
    expect(problem?.retrying).toBeUndefined();
    problem?.onRetry?.();
    expect(failed.refetch).toHaveBeenCalledOnce();
  });
});
