import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ReferralsClient } from '../../lib/api/client';
import { ReferralsClientProvider } from '../../lib/api/client-context';
import { ApiError } from '../../lib/api/errors';
import { createQueryClient } from '../../lib/api/query-client';
import type { ReferralsPage } from '../../lib/api/types';
import { TotalReferralsTile } from './TotalReferralsTile';

function renderTile(page: ReferralsClient['page']) {
  const client: ReferralsClient = { page: vi.fn(page), grouped: vi.fn() };
  render(
    <QueryClientProvider client={createQueryClient()}>
      <ReferralsClientProvider client={client}>
        <TotalReferralsTile
          filter="createdDate ge cast('2026-01-01', Edm.DateTimeOffset)"
          caption="Created in the last 90 days"
        />
      </ReferralsClientProvider>
    </QueryClientProvider>,
  );
  return client;
}

const pageWithCount = (totalCount: number): ReferralsPage => ({ rows: [], totalCount, next: null });

describe('TotalReferralsTile', () => {
  it('shows the count, formatted en-US, in a group named Total referrals', async () => {
    const client = renderTile(async () => pageWithCount(12345));
    const tile = screen.getByRole('group', { name: 'Total referrals' });
    expect(await within(tile).findByText('12,345')).toBeInTheDocument();
    expect(tile).toHaveTextContent('Created in the last 90 days');
    expect(client.page).toHaveBeenCalledWith(
      { filter: "createdDate ge cast('2026-01-01', Edm.DateTimeOffset)", top: 1 },
      expect.objectContaining({ requestId: expect.any(String) }),
    );
  });

  it('explains a failure with the request ID, and Try again fetches again', async () => {
    let fail = true;
    renderTile(async () => {
      if (fail) {
        throw new ApiError({ status: 403, description: 'Forbidden', requestId: 'req-403' });
      }
      return pageWithCount(7);
    });
    const tile = screen.getByRole('group', { name: 'Total referrals' });
    const alert = await within(tile).findByRole('alert');
    expect(alert).toHaveTextContent('You do not have access to referrals analytics');
    expect(alert).toHaveTextContent('Request ID: req-403');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await within(tile).findByText('7')).toBeInTheDocument();
    expect(within(tile).queryByRole('alert')).toBeNull();
  });
});
