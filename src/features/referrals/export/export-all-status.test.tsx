import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReferralsClient } from '../../../lib/api/client';
import { SignInAgainProvider } from '../../../components/sign-in-again';
import { ReferralsClientProvider } from '../../../lib/api/client-context';
import { apiErrorFromResponse, signInError } from '../../../lib/api/errors';
import { retryDelayMs, shouldRetryRequest } from '../../../lib/api/retry';
import { ExportAllStatus } from './export-all-status';
import { EXPORT_ALL_BUTTON_ID } from './export-controls';
import { exportStoreFor } from './referrals-export';

const unused = () => Promise.reject(new Error('not used'));
const client: ReferralsClient = { page: unused, datesPage: unused, grouped: unused };

const throttled = () =>
  apiErrorFromResponse(
    429,
    '{"code":"TooManyRequests","description":"Slow down"}',
    new Headers({ 'Retry-After': '5' }),
    { requestId: 'r', correlationId: 'c' },
  );

afterEach(() => {
  exportStoreFor(client).dismiss();
  vi.useRealTimers();
});

describe('ExportAllStatus', () => {
  it('counts down the wait before it asks for a throttled page again', async () => {
    vi.useFakeTimers();
    render(
      <ReferralsClientProvider client={client}>
        <ExportAllStatus />
      </ReferralsClientProvider>,
    );
    let asked = 0;
    void exportStoreFor(client).start({
      fetchPage: () => {
        asked += 1;
        return asked === 1 ? Promise.reject(throttled()) : new Promise(() => {});
      },
      retry: shouldRetryRequest,
      retryDelay: (failures, error) => retryDelayMs(failures, error, () => 0),
      format: 'csv',
      fields: ['id'],
      fileName: () => 'referrals.csv',
    });
    await act(() => vi.advanceTimersByTimeAsync(0));
    const note = screen.getByRole('status');
    expect(note).toHaveTextContent(/Retrying in 5 s; nothing fetched so far is lost\.$/);

    await act(() => vi.advanceTimersByTimeAsync(2_000));
    expect(note).toHaveTextContent('Retrying in 3 s');
    await act(() => vi.advanceTimersByTimeAsync(3_000));
    // Asked again; the note stays until that page arrives.
    expect(asked).toBe(2);
    expect(note).toHaveTextContent('Retrying now; nothing fetched so far is lost.');
  });

  it('after a sign-in that needs the user, says to download first and offers to sign in again', async () => {
    const signInAgain = vi.fn(() => new Promise<void>(() => {}));
    render(
      <SignInAgainProvider signInAgain={signInAgain}>
        <ReferralsClientProvider client={client}>
          <ExportAllStatus />
        </ReferralsClientProvider>
      </SignInAgainProvider>,
    );
    await act(() =>
      exportStoreFor(client).start({
        fetchPage: () =>
          Promise.reject(
            signInError(new Error('interaction_required'), { requestId: 'r', correlationId: 'c' }),
          ),
        format: 'csv',
        fields: ['id'],
        fileName: () => 'referrals.csv',
      }),
    );
    const panel = screen.getByRole('alert');
    expect(panel).toHaveTextContent(
      'Download what was fetched, then sign in again: signing in reloads this page',
    );
    expect(screen.getByRole('button', { name: 'Download what was fetched' })).toBeInTheDocument();
    screen.getByRole('button', { name: 'Sign in again' }).click();
    expect(signInAgain).toHaveBeenCalledOnce();
  });

  it('keeps focus on a button when Cancel and Discard take theirs away', async () => {
    const user = userEvent.setup();
    render(
      <ReferralsClientProvider client={client}>
        <button type="button" id={EXPORT_ALL_BUTTON_ID}>
          Export all matching rows
        </button>
        <ExportAllStatus />
      </ReferralsClientProvider>,
    );
    void exportStoreFor(client).start({
      // A page that never arrives, until the export is cancelled.
      fetchPage: (_, signal) =>
        new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(signal.reason as Error)),
        ),
      retry: shouldRetryRequest,
      retryDelay: () => 0,
      format: 'csv',
      fields: ['id'],
      fileName: () => 'referrals.csv',
    });
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('button', { name: 'Resume export' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(screen.getByRole('button', { name: 'Export all matching rows' })).toHaveFocus();
  });
});
