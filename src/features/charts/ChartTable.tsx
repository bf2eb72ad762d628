import type { ChartColumn, RowFilter } from './chartTable';

export function ChartTable<Row>({
  title,
  columns,
  rows,
  rowKey,
  rowFilter,
}: {
  title: string;
  columns: readonly ChartColumn<Row>[];
  rows: readonly Row[];
  rowKey(row: Row): string;
  rowFilter?: (row: Row) => RowFilter | null;
}) {
  const [first, ...rest] = columns;
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
          {rows.map((row) => {
            const filter = rowFilter?.(row) ?? null;
            return (
              <tr key={rowKey(row)}>
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
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
