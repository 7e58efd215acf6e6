import { Table } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';

export interface DataTableColumn<Row> {
  id: string;
  /** Column heading; also the label shown beside each cell when the table stacks on phones. */
  header: string;
  cell: (row: Row) => ReactNode;
}

export interface DataTableProps<Row> {
  caption: ReactNode;
  columns: ReadonlyArray<DataTableColumn<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  className?: string;
}

/**
 * A USWDS table (usa-table) with a caption, column headers, the first column as row headers,
 * and the stacked layout on narrow screens (each cell labelled with its column heading).
 */
export function DataTable<Row>({ caption, columns, rows, rowKey, className }: DataTableProps<Row>) {
  const [first, ...rest] = columns;
  return (
    <div className={className}>
      <Table caption={caption} fullWidth stackedStyle="default">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.id} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {first ? (
                <th scope="row" data-label={first.header}>
                  {first.cell(row)}
                </th>
              ) : null}
              {rest.map((column) => (
                <td key={column.id} data-label={column.header}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
