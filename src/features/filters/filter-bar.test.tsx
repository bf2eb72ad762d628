import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ReferralsQuery } from '../../lib/api/types';
import { FilterBar } from './filter-bar';
import { renderWithDashboard } from '../../testing/render-with-dashboard';

/** Renders of the multi-selects: they re-render when the bar does. */
const multiSelectRenders = vi.hoisted(() => ({ count: 0 }));
vi.mock('./multi-select', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./multi-select')>();
  return {
    ...actual,
    MultiSelect: (props: Parameters<typeof actual.MultiSelect>[0]) => {
      multiSelectRenders.count += 1;
      return <actual.MultiSelect {...props} />;
    },
  };
});

const statusBuckets = (query: ReferralsQuery) => ({
  buckets:
    query.groupby?.[0] === 'status'
      ? [
          { key: { status: 'Won' }, count: 12 },
          { key: { status: 'Lost' }, count: 3 },
        ]
      : [{ key: { [query.groupby?.[0] ?? 'x']: "O'Brien Land" }, count: 1 }],
  totalCount: 2,
  next: null,
});

describe('FilterBar', () => {
  it('is a search landmark named Filters with the default range and granularity', () => {
    renderWithDashboard(<FilterBar />);
    const bar = screen.getByRole('search', { name: 'Filters' });
    expect(within(bar).getByLabelText('Date range')).toHaveValue('3m');
    expect(within(bar).getByLabelText('Date field')).toHaveValue('createdDate');
    expect(within(bar).getByText('2026-08-24 to 2026-11-24 (UTC)')).toBeInTheDocument();
    const granularity = within(bar).getByRole('radiogroup', { name: 'Granularity' });
    expect(within(granularity).getByRole('radio', { name: 'Week' })).toBeChecked();
    expect(screen.queryByRole('button', { name: /^Remove filter/ })).not.toBeInTheDocument();
  });

  it('chooses what to compare with, keeps it in the URL and says which days that is', async () => {
    const user = userEvent.setup();
    const { lastUrl, urlUpdates } = renderWithDashboard(<FilterBar />);
    const bar = screen.getByRole('search', { name: 'Filters' });
    const compare = within(bar).getByRole('combobox', { name: 'Compare with' });
    expect(compare).toHaveValue('previous');
    expect(within(bar).getByText('Compared with 2026-05-23 to 2026-08-23')).toBeInTheDocument();

    await user.selectOptions(compare, 'Same period last year');
    expect(lastUrl()).toBe('?compare=last-year');
    expect(urlUpdates.at(-1)?.options.history).toBe('push');
    expect(within(bar).getByText('Compared with 2025-08-24 to 2025-11-24')).toBeInTheDocument();

    await user.selectOptions(compare, 'Off');
    expect(lastUrl()).toBe('?compare=off');
    expect(within(bar).getByText('No comparison')).toBeInTheDocument();

    await user.selectOptions(compare, 'Previous period');
    expect(lastUrl()).toBe('');
  });

  it('offers the statuses in the data and turns a pick into a chip and a URL entry', async () => {
    const user = userEvent.setup();
    const { lastUrl, calls, urlUpdates } = renderWithDashboard(<FilterBar />, {
      api: { grouped: statusBuckets },
    });
    await user.click(screen.getByRole('button', { name: 'Status' }));
    const group = screen.getByRole('group', { name: 'Status' });
    await user.click(await within(group).findByRole('checkbox', { name: 'Won' }));
    expect(lastUrl()).toBe('?status=Won');
    expect(urlUpdates.at(-1)?.options.history).toBe('push');
    expect(screen.getByRole('button', { name: 'Remove filter: Status Won' })).toBeInTheDocument();
    expect(calls[0]?.query).toMatchObject({ groupby: ['status'], top: 10000 });
    expect(calls[0]?.query.filter).toContain("createdDate ge cast('2026-08-24'");
  });

  it('says organisation sizes as people do, and filters on the API’s value', async () => {
    const user = userEvent.setup();
    const { lastUrl, calls } = renderWithDashboard(<FilterBar />, {
      api: {
        grouped: () => ({
          buckets: [
            { key: { customerOrgSize: 'Morethan20000employees' }, count: 2 },
            { key: { customerOrgSize: '10to50employees' }, count: 5 },
          ],
          totalCount: 2,
          next: null,
        }),
      },
    });
    await user.click(screen.getByRole('button', { name: 'Organisation size' }));
    const group = screen.getByRole('group', { name: 'Organisation size' });
    const choices = await within(group).findAllByRole('checkbox');
    expect(choices.map((choice) => choice.closest('label')?.textContent)).toEqual([
      '10–50',
      '20,000+',
    ]);
    await user.click(within(group).getByRole('checkbox', { name: '20,000+' }));
    expect(lastUrl()).toBe('?orgSize=Morethan20000employees');
    expect(
      screen.getByRole('button', { name: 'Remove filter: Organisation size 20,000+' }),
    ).toBeInTheDocument();
    expect(calls[0]?.query).toMatchObject({ groupby: ['customerOrgSize'] });
  });

  it('removes a chip and keeps keyboard focus in the chips', async () => {
    const user = userEvent.setup();
    const { lastUrl } = renderWithDashboard(<FilterBar />, { search: '?status=Won&status=Lost' });
    await user.click(screen.getByRole('button', { name: 'Remove filter: Status Won' }));
    expect(lastUrl()).toBe('?status=Lost');
    expect(screen.getByRole('button', { name: 'Remove filter: Status Lost' })).toHaveFocus();
  });

  it('switches to a custom range starting from the current one', async () => {
    const user = userEvent.setup();
    const { lastUrl } = renderWithDashboard(<FilterBar />);
    await user.selectOptions(screen.getByLabelText('Date range'), 'Custom');
    expect(lastUrl()).toBe('?range=custom&from=2026-08-24&to=2026-11-24');
    expect(screen.getByLabelText('From')).toHaveValue('2026-08-24');
    expect(
      screen.getByRole('button', { name: 'Remove filter: Created 2026-08-24 to 2026-11-24' }),
    ).toBeInTheDocument();
  });

  it('follows the range for granularity until the user picks one', async () => {
    const user = userEvent.setup();
    const { lastUrl } = renderWithDashboard(<FilterBar />, { search: '?range=30d' });
    expect(screen.getByRole('radio', { name: 'Day' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Month' }));
    expect(lastUrl()).toBe('?range=30d&granularity=month');
    await user.click(screen.getByRole('radio', { name: 'Day' }));
    expect(lastUrl()).toBe('?range=30d');
  });

  it('re-renders only its Granularity control when the granularity changes', async () => {
    const user = userEvent.setup();
    const { lastUrl } = renderWithDashboard(<FilterBar />, { appUrl: true });
    const before = multiSelectRenders.count;
    await user.click(screen.getByRole('radio', { name: 'Month' }));
    expect(screen.getByRole('radio', { name: 'Month' })).toBeChecked();
    expect(multiSelectRenders.count).toBe(before);
    await waitFor(() => expect(lastUrl()).toBe('?granularity=month'));
    expect(multiSelectRenders.count).toBe(before);
    // A filter change does re-render the bar.
    await user.selectOptions(screen.getByLabelText('Date field'), 'Accepted');
    expect(multiSelectRenders.count).toBeGreaterThan(before);
    await waitFor(() => expect(lastUrl()).toBe('?granularity=month&date=acceptedDate'));
  });

  it('commits the customer name after a pause, replacing rather than pushing history', async () => {
    const user = userEvent.setup();
    const { lastUrl, urlUpdates } = renderWithDashboard(<FilterBar />);
    await user.type(screen.getByRole('searchbox', { name: 'Customer name contains' }), "O'Brien");
    expect(lastUrl()).toBe('');
    await waitFor(() => expect(lastUrl()).toBe('?customer=O%27Brien'));
    expect(urlUpdates).toHaveLength(1);
    expect(urlUpdates[0]?.options.history).toBe('replace');
    expect(
      screen.getByRole('button', { name: "Remove filter: Customer name contains O'Brien" }),
    ).toBeInTheDocument();
  });

  it('empties the customer box when its chip is removed', async () => {
    const user = userEvent.setup();
    renderWithDashboard(<FilterBar />, { search: '?customer=acme' });
    const box = screen.getByRole('searchbox', { name: 'Customer name contains' });
    expect(box).toHaveValue('acme');
    await user.click(
      screen.getByRole('button', { name: 'Remove filter: Customer name contains acme' }),
    );
    expect(box).toHaveValue('');
  });

  it('closes a multi-select with Escape and returns focus to its button', async () => {
    const user = userEvent.setup();
    renderWithDashboard(<FilterBar />, { api: { grouped: statusBuckets } });
    const button = screen.getByRole('button', { name: 'Customer market' });
    await user.click(button);
    expect(await screen.findByRole('checkbox', { name: "O'Brien Land" })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Customer market' })).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });
});
