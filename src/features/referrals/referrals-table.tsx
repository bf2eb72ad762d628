import { useVirtualizer } from '@tanstack/react-virtual';
import type { KeyboardEvent, RefObject } from 'react';
import { clampColumnWidth } from './column-preferences';
import type { ReferralsTableModel } from './use-referrals-table';

/** Rows are one line high (long text is cut with an ellipsis), so every row has this height. */
export const ROW_HEIGHT = 36;
const OVERSCAN = 12;
const RESIZE_STEP = 16;
const INITIAL_VIEW_HEIGHT = 720;

export interface ReferralsTableProps {
  model: ReferralsTableModel;
  scrollRef: RefObject<HTMLDivElement | null>;
  /** True while a new page loads and the previous one stays on screen. */
  stale: boolean;
  emptyMessage: string | null;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/**
 * The page's rows in a real table, of which only the rows in view (plus a margin) are in the
 * DOM: spacer rows above and below keep the scroll height, and aria-rowcount/aria-rowindex tell
 * assistive technology where each rendered row sits.
 */
export function ReferralsTable({ model, scrollRef, stale, emptyMessage }: ReferralsTableProps) {
  const { table } = model;
  const rows = table.getRowModel().rows;
  const columns = table.getVisibleLeafColumns();
  // The app does not use the React Compiler; the virtualizer re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    // Rows for a container of the usual height in the very first render, before it is measured.
    initialRect: { width: 0, height: INITIAL_VIEW_HEIGHT },
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const sorted = table.state.sorting.length > 0;

  function resizeWithKeys(event: KeyboardEvent, columnId: string, size: number) {
    const step =
      event.key === 'ArrowRight' ? RESIZE_STEP : event.key === 'ArrowLeft' ? -RESIZE_STEP : 0;
    if (step === 0) return;
    event.preventDefault();
    table.setColumnSizing((old) => ({ ...old, [columnId]: clampColumnWidth(size + step) }));
  }

  return (
    <div
      ref={scrollRef}
      className={`referrals-table__scroll${stale ? ' referrals-table__scroll--stale' : ''}`}
      // The scroll container is focusable so keyboard users can scroll it.
      tabIndex={0}
      role="region"
      aria-label="Referrals table, scrollable"
    >
      <table
        className="referrals-table"
        aria-label="Referrals"
        aria-rowcount={rows.length + 1}
        aria-busy={stale}
        aria-describedby={sorted ? 'referrals-sort-note' : undefined}
        style={{ width: table.getTotalSize() }}
      >
        <colgroup>
          {columns.map((column) => (
            <col key={column.id} style={{ width: column.getSize() }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const column = header.column;
                const direction = column.getIsSorted();
                const label = String(column.columnDef.header);
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={direction ? ARIA_SORT[direction] : undefined}
                  >
                    <button
                      type="button"
                      className="referrals-table__sort"
                      onClick={column.getToggleSortingHandler()}
                      title="Sort the rows on this page (the API cannot sort)"
                    >
                      <span className="referrals-table__header-text">{label}</span>
                      <span className="referrals-table__sort-icon" aria-hidden="true">
                        {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
                      </span>
                      {/* Said where the eye is: the API cannot sort, so this sorts one page. */}
                      {direction && <span className="referrals-table__sort-scope">this page</span>}
                    </button>
                    <div
                      role="separator"
                      aria-orientation="vertical"
                      aria-label={`Resize ${label} column`}
                      aria-valuenow={header.getSize()}
                      aria-valuemin={column.columnDef.minSize}
                      aria-valuemax={column.columnDef.maxSize}
                      tabIndex={0}
                      className={`referrals-table__resizer${column.getIsResizing() ? ' is-resizing' : ''}`}
                      onMouseDown={header.getResizeHandler()}
                      onTouchStart={header.getResizeHandler()}
                      onDoubleClick={() => column.resetSize()}
                      onKeyDown={(event) => resizeWithKeys(event, column.id, header.getSize())}
                    />
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {paddingTop > 0 && (
            <tr aria-hidden="true" className="referrals-table__spacer">
              <td colSpan={columns.length} style={{ height: paddingTop }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <tr key={row.id} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={`referrals-table__cell--${cell.column.id}`}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden="true" className="referrals-table__spacer">
              <td colSpan={columns.length} style={{ height: paddingBottom }} />
            </tr>
          )}
          {emptyMessage !== null && rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="referrals-table__empty">
                {emptyMessage}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
