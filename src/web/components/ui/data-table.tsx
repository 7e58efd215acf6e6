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
  /** Less padding and striped rows, for dense lists (the audit trail); give it scrollable. */
  dense?: boolean;
  /** Scrolls sideways inside its own box when wider than the page (many columns). */
  scrollable?: boolean;
}

/**
 * A USWDS table (usa-table) with a caption, column headers, the first column as row headers,
 * and the stacked layout on narrow screens (each cell labelled with its column heading).
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  className,
  dense = false,
  scrollable = false,
}: DataTableProps<Row>) {
  const [first, ...rest] = columns;
  return (
    <div className={className}>
      <Table
        caption={caption}
        fullWidth
        // USWDS: compact rows do not stack; a dense table scrolls sideways on phones instead.
        stackedStyle={dense ? 'none' : 'default'}
        compact={dense}
        striped={dense}
        scrollable={scrollable}
      >
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
