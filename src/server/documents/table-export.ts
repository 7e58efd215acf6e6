import { stringify } from 'csv-stringify/sync';

/**
 * One table as a CSV or XLSX download, for the metrics exports (protests, validations): a
 * header row from `columns`, then `rows` in order. CSV: UTF-8 with a BOM (so spreadsheets read
 * accents), and cells a spreadsheet would run as a formula are escaped (csv-stringify's
 * escape_formulas). XLSX: numbers stay numbers, everything else is a text cell, which a
 * spreadsheet shows and never evaluates. write-excel-file loads on the first XLSX export
 * (ADR 0026: a server that never exports does not carry it).
 */

export interface TableDownload {
  filename: string;
  contentType: string;
  body: Buffer | string;
}

export type TableCell = string | number | null | undefined;

export async function tableDownload(options: {
  /** The file name without its extension. */
  basename: string;
  format: 'csv' | 'xlsx';
  sheet: string;
  /** [key, header, XLSX column width] in order. */
  columns: readonly (readonly [key: string, header: string, width: number])[];
  rows: readonly Readonly<Record<string, TableCell>>[];
}): Promise<TableDownload> {
  const { basename, columns, rows } = options;
  if (options.format === 'csv') {
    return {
      filename: `${basename}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: stringify(
        rows.map((row) => Object.fromEntries(columns.map(([key]) => [key, row[key] ?? '']))),
        {
          header: true,
          bom: true,
          columns: columns.map(([key, header]) => ({ key, header })),
          escape_formulas: true,
        },
      ),
    };
  }
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const data = [
    columns.map(([, header]) => ({ value: header, fontWeight: 'bold' as const })),
    ...rows.map((row) =>
      columns.map(([key]) => {
        const value = row[key];
        return typeof value === 'number'
          ? { value, type: Number }
          : { value: value ?? '', type: String };
      }),
    ),
  ];
  return {
    filename: `${basename}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await writeXlsxFile(data, {
      sheet: options.sheet,
      stickyRowsCount: 1,
      columns: columns.map(([, , width]) => ({ width })),
    }).toBuffer(),
  };
}
