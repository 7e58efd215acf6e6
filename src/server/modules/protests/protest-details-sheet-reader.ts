import { CsvError, parse } from 'csv-parse/sync';
import type {
  ProtestDetailsSheetInput,
  SheetProblem,
  SheetRow,
} from '../../../domain/protests/protest-details-spreadsheet.ts';

/**
 * Reads a protest details spreadsheet (CSV or XLSX) into text cells keyed by the header as
 * written, with each row's line in the file, for validateProtestDetailsSheet. The file's type
 * was decided from its bytes before (protests-attachments.service.ts).
 */

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Product limit: a larger list goes in several spreadsheets. */
export const MAX_DETAIL_ROWS = 50_000;

export type SheetReadResult =
  | { readonly ok: true; readonly input: ProtestDetailsSheetInput }
  | { readonly ok: false; readonly problems: readonly SheetProblem[] };

function unreadable(message: string): SheetReadResult {
  return { ok: false, problems: [{ line: 1, column: null, code: 'unreadable', message }] };
}

function tooManyRows(count: number): SheetReadResult {
  return {
    ok: false,
    problems: [
      {
        line: 1,
        column: null,
        code: 'too_many_rows',
        message: `the spreadsheet has ${count} rows; at most ${MAX_DETAIL_ROWS} are read in one file: split it`,
      },
    ],
  };
}

/** Header cells and data rows (each with its 1-based line) as text, into the validator's input. */
function toInput(header: readonly string[], rows: readonly SheetRowCells[]): SheetReadResult {
  if (header.every((name) => name.trim() === '')) {
    return unreadable('the first line is empty: it must be the header (Entry Number, …)');
  }
  if (rows.length > MAX_DETAIL_ROWS) {
    return tooManyRows(rows.length);
  }
  const columns = header.map((name) => name.trim());
  const sheetRows: SheetRow[] = rows.map(({ line, cells }) => {
    const keyed: Record<string, string> = {};
    columns.forEach((name, index) => {
      // The first of two columns with one name wins; the validator reports the duplicate.
      if (name !== '' && !Object.hasOwn(keyed, name)) {
        keyed[name] = cells[index] ?? '';
      }
    });
    return { line, cells: keyed };
  });
  return {
    ok: true,
    input: { columns: columns.filter((name) => name !== ''), rows: sheetRows, headerLine: 1 },
  };
}

interface SheetRowCells {
  line: number;
  cells: readonly string[];
}

function readCsv(bytes: Buffer): SheetReadResult {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info: true` csv-parse returns { record, info } per row; its types do not say so.
    records = parse(bytes.toString('utf8'), {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const message = error instanceof CsvError ? error.message : String(error);
    return unreadable(`is not readable CSV: ${message}`);
  }
  const withLines = records.map(({ record, info }) => ({
    // info.lines is the line a record ends on; a quoted cell may span several lines.
    line: info.lines - (record.join('').match(/\n/g)?.length ?? 0),
    cells: record,
  }));
  const [header, ...rows] = withLines;
  if (header === undefined) {
    return unreadable('is empty: the first line must be the header (Entry Number, …)');
  }
  return toInput(header.cells, rows);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

async function readXlsx(bytes: Buffer): Promise<SheetReadResult> {
  let data: unknown[][];
  try {
    // Loaded on the first XLSX upload only (a server that never reads one does not hold it).
    const { readSheet } = await import('read-excel-file/node');
    data = (await readSheet(bytes)) as unknown[][];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return unreadable(`is not a readable Excel workbook: ${message}`);
  }
  const rows = data.map((row, index) => ({ line: index + 1, cells: row.map(cellText) }));
  const [header, ...rest] = rows;
  if (header === undefined) {
    return unreadable('the first sheet is empty: its first row must be the header');
  }
  return toInput(header.cells, rest);
}

/** The spreadsheet's cells, or why it cannot be read. */
export async function readDetailsSheet(
  bytes: Buffer,
  mediaType: 'text/csv' | typeof XLSX_MEDIA_TYPE,
): Promise<SheetReadResult> {
  return mediaType === 'text/csv' ? readCsv(bytes) : readXlsx(bytes);
}
