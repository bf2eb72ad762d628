import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Pagination, type PaginationProps } from './pagination';

function renderPagination(props: Partial<PaginationProps> = {}) {
  const onPageChange = vi.fn();
  const onPageSizeChange = vi.fn();
  render(
    <Pagination
      page={2}
      pageSize={50}
      rowsOnPage={50}
      totalCount={12345}
      lastPage={247}
      hasNextPage
      loading={false}
      onPageChange={onPageChange}
      onPageSizeChange={onPageSizeChange}
      {...props}
    />,
  );
  return { onPageChange, onPageSizeChange };
}

describe('Pagination', () => {
  it('shows the range of rows out of TotalCount and the page number', () => {
    renderPagination();
    expect(screen.getByText('51–100 of 12,345 ·')).toBeInTheDocument();
    expect(screen.getByText('Page 2 of 247')).toBeInTheDocument();
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
  });

  it('moves between pages with named buttons', async () => {
    const user = userEvent.setup();
    const { onPageChange } = renderPagination();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    await user.click(screen.getByRole('button', { name: 'First page' }));
    await user.click(screen.getByRole('button', { name: 'Last page' }));
    expect(onPageChange.mock.calls).toEqual([[3], [1], [1], [247]]);
  });

  it('disables what leads nowhere: back on the first page, on at the last', () => {
    renderPagination({ page: 1, rowsOnPage: 50, hasNextPage: true });
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'First page' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeEnabled();
  });

  it('disables Next and Last on the last page', () => {
    renderPagination({ page: 247, rowsOnPage: 45, hasNextPage: false });
    expect(screen.getByText('12,301–12,345 of 12,345 ·')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Last page' })).toBeDisabled();
  });

  it('without TotalCount offers Next by the API’s next link and no Last', () => {
    renderPagination({ totalCount: null, lastPage: null, hasNextPage: true });
    expect(screen.getByText('51–100 ·')).toBeInTheDocument();
    expect(screen.getByText('Page 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Last page' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeEnabled();
  });

  it('offers every page size and reports the choice', async () => {
    const user = userEvent.setup();
    const { onPageSizeChange } = renderPagination();
    const select = screen.getByRole('combobox', { name: 'Rows per page' });
    expect(select).toHaveValue('50');
    expect(Array.from(select.querySelectorAll('option'), (option) => option.textContent)).toEqual([
      '25',
      '50',
      '100',
      '500',
      '1,000',
      '10,000',
    ]);
    await user.selectOptions(select, '10000');
    expect(onPageSizeChange).toHaveBeenCalledWith(10000);
  });

  it('says when the next page is loading, without a range for rows not yet there', () => {
    renderPagination({ loading: true, rowsOnPage: null, page: 3 });
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    expect(screen.queryByText(/–/)).not.toBeInTheDocument();
    expect(screen.getByText('Page 3 of 247')).toBeInTheDocument();
  });
});
