import { Fragment } from 'react';
import { screenColumns, type ChartColumn, type RowFilter } from './chart-columns';

export function ChartTable<Row>({
  title,
  columns: allColumns,
  rows,
  rowKey,
  rowFilter,
  rowGroup,
}: {
  title: string;
  columns: readonly ChartColumn<Row>[];
  rows: readonly Row[];
  rowKey(row: Row): string;
  rowFilter?: (row: Row) => RowFilter | null;
  rowGroup?: (row: Row) => string | undefined;
}) {
  const columns = screenColumns(allColumns);
  const [first, ...rest] = columns;
  const width = columns.length + (rowFilter ? 1 : 0);
  return (
    <div className="chart-table" tabIndex={0} role="region" aria-label={`${title} as a table`}>
      <table>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.header}
                scope="col"
                className={column.numeric ? 'numeric' : undefined}
              >
                {column.header}
              </th>
            ))}
            {rowFilter && (
              <th scope="col">
                <span className="visually-hidden">Filter</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const filter = rowFilter?.(row) ?? null;
            const group = rowGroup?.(row);
            const before = index > 0 ? rows[index - 1] : undefined;
            const opensGroup =
              group !== undefined && (before === undefined || rowGroup?.(before) !== group);
            return (
              <Fragment key={rowKey(row)}>
                {opensGroup && (
                  <tr className="chart-table__group">
                    <th scope="colgroup" colSpan={width}>
                      {group}
                    </th>
                  </tr>
                )}
                <tr>
                  {first && <th scope="row">{first.text(row)}</th>}
                  {rest.map((column) => (
                    <td key={column.header} className={column.numeric ? 'numeric' : undefined}>
                      {column.text(row)}
                    </td>
                  ))}
                  {rowFilter && (
                    <td>
                      {filter && (
                        <button type="button" className="link-button" onClick={filter.apply}>
                          Filter by {filter.label}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
