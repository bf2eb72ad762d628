import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReferralsClient } from '../../../lib/api/client';
import { ReferralsClientProvider } from '../../../lib/api/client-context';
import { apiErrorFromResponse } from '../../../lib/api/errors';
import { retryDelayMs, shouldRetryRequest } from '../../../lib/api/retry';
import { ExportAllStatus } from './ExportAllStatus';
import { exportStoreFor } from './referralsExport';

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
});
