import { QueryClientProvider, useQuery, type QueryClient } from '@tanstack/react-query';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../lib/api/query-client';
import { DataStatusBar } from './data-status-bar';
import { formatAsOf } from './query-activity';

const MINUTE = 60_000;
const NOW = new Date(2026, 11, 6, 10, 0).getTime();

function Figure({
  name,
  queryFn,
}: {
  name: string;
  queryFn: (signal: AbortSignal) => Promise<number>;
}) {
  const query = useQuery({
    queryKey: ['referrals', name],
    queryFn: ({ signal }) => queryFn(signal),
  });
  return <p>{`${name}: ${query.data ?? 'loading'}`}</p>;
}

/** A Partner Center that does not answer until the request is aborted. */
function neverAnswers(aborted: AbortSignal[]) {
  return (signal: AbortSignal) =>
    new Promise<number>((_, reject) => {
      signal.addEventListener('abort', () => {
        aborted.push(signal);
        reject(signal.reason);
      });
    });
}

function renderPage(queryClient: QueryClient, figures: Parameters<typeof Figure>[0][]) {
  return render(
    <QueryClientProvider client={queryClient}>
      <DataStatusBar />
      {figures.map((figure) => (
        <Figure key={figure.name} {...figure} />
      ))}
    </QueryClientProvider>,
  );
}

async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

let queryClient: QueryClient;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
  queryClient = createQueryClient();
});

afterEach(() => {
  queryClient.clear();
  vi.useRealTimers();
});

describe('DataStatusBar', () => {
  it('says when the oldest answer on the page was fetched, and refreshes the page on Refresh', async () => {
    queryClient.setQueryData(['referrals', 'won'], 5, { updatedAt: NOW - 2 * MINUTE });
    queryClient.setQueryData(['referrals', 'lost'], 3, { updatedAt: NOW - 4 * MINUTE });
    // Kept for another page: not shown by this one, so it does not make the page look older.
    queryClient.setQueryData(['referrals', 'elsewhere'], 1, { updatedAt: NOW - 60 * MINUTE });
    const answers = { won: 6, lost: 4 };
    const ask = (name: 'won' | 'lost') =>
      vi.fn(() => new Promise<number>((resolve) => setTimeout(() => resolve(answers[name]), 1000)));
    const won = ask('won');
    const lost = ask('lost');
    renderPage(queryClient, [
      { name: 'won', queryFn: won },
      { name: 'lost', queryFn: lost },
    ]);
    expect(screen.getByText(/^Data as of/)).toHaveTextContent(
      `Data as of ${formatAsOf(NOW - 4 * MINUTE, NOW)}`,
    );
    expect(won).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await advance(0);
    expect(screen.getByRole('status')).toHaveTextContent('Refreshing…');
    expect(won).toHaveBeenCalledOnce();
    expect(lost).toHaveBeenCalledOnce();
    await advance(1100);
    expect(screen.getByText('won: 6')).toBeInTheDocument();
    expect(screen.getByText(/^Data as of/)).toHaveTextContent(`Data as of ${formatAsOf(NOW, NOW)}`);
    expect(screen.queryByText('Refreshing…')).not.toBeInTheDocument();
  });

  it('shows nothing before the first answer', () => {
    renderPage(queryClient, [{ name: 'won', queryFn: neverAnswers([]) }]);
    expect(screen.queryByText(/Data as of/)).not.toBeInTheDocument();
  });

  it('counts the seconds of a slow answer from 5 s, once for the page, and Cancel keeps what is shown', async () => {
    // Kept answers from an earlier visit, refreshed in the background by a Partner Center that does not answer.
    queryClient.setQueryData(['referrals', 'won'], 5, { updatedAt: NOW - 10 * MINUTE });
    queryClient.setQueryData(['referrals', 'lost'], 3, { updatedAt: NOW - 10 * MINUTE });
    const aborted: AbortSignal[] = [];
    renderPage(queryClient, [
      { name: 'won', queryFn: neverAnswers(aborted) },
      { name: 'lost', queryFn: neverAnswers(aborted) },
    ]);

    await advance(4_000);
    expect(screen.queryByText(/taking longer than usual/)).not.toBeInTheDocument();
    await advance(1_000);
    expect(screen.getByText(/taking longer than usual/)).toHaveTextContent(
      'Partner Center is taking longer than usual (5 s)',
    );
    await advance(7_000);
    expect(screen.getAllByText(/taking longer than usual/)).toHaveLength(1);
    expect(screen.getByText(/taking longer than usual/)).toHaveTextContent(
      'Partner Center is taking longer than usual (12 s)',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await advance(0);
    expect(aborted).toHaveLength(2);
    expect(screen.queryByText(/taking longer than usual/)).not.toBeInTheDocument();
    expect(screen.getByText('won: 5')).toBeInTheDocument();
    expect(screen.getByText('lost: 3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Refresh' })).toHaveFocus();
    await advance(30_000);
    expect(screen.queryByText(/taking longer than usual/)).not.toBeInTheDocument();
  });
});

describe('formatAsOf', () => {
  it("gives hours and minutes in the browser's locale, and the date when it is another day", () => {
    const morning = new Date(2026, 11, 6, 9, 12).getTime();
    expect(formatAsOf(morning, NOW, 'en-GB')).toBe('09:12');
    expect(formatAsOf(morning, NOW, 'en-US')).toBe('09:12 AM');
    expect(formatAsOf(morning - 24 * 60 * MINUTE, NOW, 'en-GB')).toBe('5 Dec, 09:12');
  });
});
