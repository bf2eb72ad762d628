import { act, fireEvent, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useTableScroll } from './table-scroll';

/** The table's scroll container, and a stand-in for a row link that keeps the scroll as it is followed. */
function Table({ list }: { list: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const { keepScroll } = useTableScroll(ref, list, true);
  return (
    <>
      <div ref={ref} data-testid="table" />
      <button type="button" onClick={keepScroll}>
        Open
      </button>
    </>
  );
}

const keep = () => fireEvent.click(screen.getByRole('button', { name: 'Open' }));

function app(list = '?page=3') {
  const router = createMemoryRouter([
    { path: '/', element: <Table list={list} /> },
    { path: '/referrals/:id', element: <p>Referral</p> },
  ]);
  render(<RouterProvider router={router} />);
  return router;
}

const table = () => screen.getByTestId('table');

describe('the table scroll across a drill-down', () => {
  it('comes back on Back to the same history entry, not on a new visit through a link', async () => {
    const router = app();
    table().scrollTop = 900;
    keep();
    await act(() => router.navigate('/referrals/7'));
    await act(() => router.navigate(-1));
    expect(table().scrollTop).toBe(900);

    // A later visit to the list through a link is a new entry: it starts at the top.
    await act(() => router.navigate('/referrals/7'));
    await act(() => router.navigate('/'));
    expect(table().scrollTop).toBe(0);
  });

  it('is not given to another list shown in the same entry', async () => {
    const router = app('?page=4');
    table().scrollTop = 900;
    keep();
    await act(() => router.navigate('/referrals/7'));
    router.dispose();
    app('?page=5');
    expect(table().scrollTop).toBe(0);
  });

  it('brings the row a Back link names into view', async () => {
    const router = app();
    await act(() => router.navigate('/referrals/7'));
    await act(() => router.navigate('/', { state: { showRow: 40 } }));
    // Row 40 at 36 px a row, in the middle of a container the test DOM gives no height.
    expect(table().scrollTop).toBe(40 * 36);
  });
});
