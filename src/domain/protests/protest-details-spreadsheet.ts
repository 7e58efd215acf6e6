import { validateCbpEntryNumber } from '../registry/identifiers/cbp-entry-number.ts';

/**
 * Validation of the Protest Details Spreadsheet (issue 7, item 1; CBP CAMS guidance c. 2021,
 * ../shared/domain/trade-compliance-protests-exams.md §2.7): the first four fixed columns are
 * Entry Number, Entry Line Number, Change From, Change To; extra columns are allowed and kept.
 *
 * Pure: the server reads the CSV or XLSX file into rows of text cells keyed by the header as
 * written, with the file's line numbers; this decides whether the rows can be imported.
 *
 * - Header names match whatever their case and spacing ("ENTRY  NUMBER", "entrynumber").
 * - A missing required column, or one given twice, is a problem on the header line; the rows
 *   are then not checked (their cells cannot be read reliably).
 * - Rows whose cells are all blank are skipped (spreadsheets often end with some).
 * - Every bad cell of every row is reported with its line, column and reason: entry numbers go
 *   through the registry's validator (format and check digit), the line number is a whole
 *   number of 1 or more, Change From and Change To are required.
 * - When the protest's entry numbers are given, every row's entry must be one of them.
 * - All or nothing: any problem means no row is imported.
 */

export const REQUIRED_COLUMNS = [
  'Entry Number',
  'Entry Line Number',
  'Change From',
  'Change To',
] as const;
export type RequiredColumn = (typeof REQUIRED_COLUMNS)[number];

/** The longest Change From / Change To text kept (a classification, a value, a short note). */
export const CHANGE_TEXT_MAX = 1000;

export interface SheetRow {
  /** The row's line in the file (1-based, counting the header), as the server read it. */
  readonly line: number;
  /** Cells keyed by the header as written in the file. */
  readonly cells: Readonly<Record<string, string>>;
}

export interface ProtestDetailsSheetInput {
  /** The header as written, in file order. Defaults to the keys of the rows, first seen first. */
  readonly columns?: readonly string[];
  readonly rows: readonly SheetRow[];
  /** The header's line in the file, for header problems. Default 1. */
  readonly headerLine?: number;
  /** The protest's entry numbers (any spelling): when given, every row must use one of them. */
  readonly protestEntryNumbers?: readonly string[];
}

export interface ProtestDetailsRow {
  readonly line: number;
  /** Canonical `XXX-NNNNNNN-C`. */
  readonly entryNumber: string;
  readonly entryLineNumber: number;
  readonly changeFrom: string;
  readonly changeTo: string;
  /** The extra columns, keyed by their header as written, values as given. */
  readonly extra: Readonly<Record<string, string>>;
}

export interface SheetProblem {
  readonly line: number;
  /** The required column's name, or the header as written for a header problem; null for the sheet. */
  readonly column: string | null;
  readonly code: string;
  readonly message: string;
}

export type ProtestDetailsSheetResult =
  | { readonly ok: true; readonly rows: readonly ProtestDetailsRow[] }
  | { readonly ok: false; readonly problems: readonly SheetProblem[] };

/** Header key for matching: compatibility-folded, lower case, without white space. */
export function normaliseHeader(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

const REQUIRED_KEYS = new Map<string, RequiredColumn>(
  REQUIRED_COLUMNS.map((column) => [normaliseHeader(column), column]),
);

function columnsOf(input: ProtestDetailsSheetInput): readonly string[] {
  if (input.columns !== undefined) return input.columns;
  const seen = new Set<string>();
  for (const row of input.rows) {
    for (const key of Object.keys(row.cells)) seen.add(key);
  }
  return [...seen];
}

type HeaderMap = Record<RequiredColumn, string>;

function readHeader(
  columns: readonly string[],
  line: number,
): { map: HeaderMap; extra: string[] } | SheetProblem[] {
  const found = new Map<RequiredColumn, string[]>();
  const extra: string[] = [];
  for (const header of columns) {
    const required = REQUIRED_KEYS.get(normaliseHeader(header));
    if (required === undefined) {
      extra.push(header);
    } else {
      found.set(required, [...(found.get(required) ?? []), header]);
    }
  }
  const problems: SheetProblem[] = [];
  for (const column of REQUIRED_COLUMNS) {
    const headers = found.get(column) ?? [];
    if (headers.length === 0) {
      problems.push({
        line,
        column,
        code: 'missing_column',
        message: `the required column "${column}" is missing`,
      });
    } else if (headers.length > 1) {
      problems.push({
        line,
        column,
        code: 'duplicate_column',
        message: `the column "${column}" appears ${headers.length} times (${headers.map((h) => `"${h}"`).join(', ')}): keep one`,
      });
    }
  }
  if (problems.length > 0) return problems;
  const map = Object.fromEntries(
    REQUIRED_COLUMNS.map((column) => [column, (found.get(column) ?? [column])[0]]),
  ) as HeaderMap;
  return { map, extra };
}

function canonicalEntryNumbers(numbers: readonly string[] | undefined): Set<string> | null {
  if (numbers === undefined) return null;
  const canonical = new Set<string>();
  for (const number of numbers) {
    const result = validateCbpEntryNumber(number);
    if (result.ok) canonical.add(result.value);
  }
  return canonical;
}

export function validateProtestDetailsSheet(
  input: ProtestDetailsSheetInput,
): ProtestDetailsSheetResult {
  const headerLine = input.headerLine ?? 1;
  const header = readHeader(columnsOf(input), headerLine);
  if (Array.isArray(header)) {
    return { ok: false, problems: header };
  }
  const allowed = canonicalEntryNumbers(input.protestEntryNumbers);
  const cell = (row: SheetRow, column: RequiredColumn) =>
    (row.cells[header.map[column]] ?? '').trim();
  const problems: SheetProblem[] = [];
  const rows: ProtestDetailsRow[] = [];
  const dataRows = input.rows.filter((row) =>
    Object.values(row.cells).some((value) => value.trim() !== ''),
  );
  if (dataRows.length === 0) {
    return {
      ok: false,
      problems: [
        {
          line: headerLine,
          column: null,
          code: 'no_rows',
          message: 'the spreadsheet has no rows after the header',
        },
      ],
    };
  }
  for (const row of dataRows) {
    const { line } = row;
    const report = (column: RequiredColumn, code: string, message: string) =>
      problems.push({ line, column, code, message });
    const before = problems.length;

    let entryNumber = '';
    const entryText = cell(row, 'Entry Number');
    if (entryText === '') {
      report('Entry Number', 'required', 'is required');
    } else {
      const result = validateCbpEntryNumber(entryText);
      if (!result.ok) {
        for (const p of result.problems) report('Entry Number', p.code, p.message);
      } else if (allowed !== null && !allowed.has(result.value)) {
        report(
          'Entry Number',
          'entry_not_in_protest',
          `entry ${result.value} is not one of this protest's entries`,
        );
      } else {
        entryNumber = result.value;
      }
    }

    const lineText = cell(row, 'Entry Line Number');
    const entryLineNumber = Number(lineText);
    if (lineText === '') {
      report('Entry Line Number', 'required', 'is required');
    } else if (
      !/^[0-9]+$/.test(lineText) ||
      !Number.isSafeInteger(entryLineNumber) ||
      entryLineNumber < 1
    ) {
      report(
        'Entry Line Number',
        'entry_line_number',
        `must be a whole number of 1 or more, not "${lineText}"`,
      );
    }

    const changes = (['Change From', 'Change To'] as const).map((column) => {
      const text = cell(row, column);
      if (text === '') report(column, 'required', 'is required');
      else if (text.length > CHANGE_TEXT_MAX)
        report(column, 'too_long', `has ${text.length} characters; at most ${CHANGE_TEXT_MAX}`);
      return text;
    });

    if (problems.length === before) {
      rows.push({
        line,
        entryNumber,
        entryLineNumber,
        changeFrom: changes[0] ?? '',
        changeTo: changes[1] ?? '',
        extra: Object.fromEntries(header.extra.map((h) => [h, row.cells[h] ?? ''])),
      });
    }
  }
  return problems.length === 0 ? { ok: true, rows } : { ok: false, problems };
}
