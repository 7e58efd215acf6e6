import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { CatalogCriterion, CatalogInput } from '../../../domain/criteria/catalog.schema.ts';
import type { FieldIssue } from '../../../domain/errors/error-codes.ts';

/**
 * The catalog as CSV, one criterion per row, for program managers who keep criteria in a
 * spreadsheet (issue 5, item 1). Columns, in this order on export (any order on import):
 *
 *   id, category, designation, text, guidance, applicability, designation_overrides,
 *   verification, sources, notes
 *
 * `applicability` lists `entity_type=confirmed|likely` pairs separated by semicolons;
 * `designation_overrides` lists `entity_type=must|should` pairs; `sources` lists one URL or
 * citation per line within the cell (citations may contain spaces). The version label and description are not in the file: the import
 * names them. Cells that start with = + - @ are exported behind a single quote so a spreadsheet
 * does not run them as formulas; import removes that quote again, so a file round-trips.
 */
export const CATALOG_CSV_COLUMNS = [
  'id',
  'category',
  'designation',
  'text',
  'guidance',
  'applicability',
  'designation_overrides',
  'verification',
  'sources',
  'notes',
] as const;
type Column = (typeof CATALOG_CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly Column[] = [
  'id',
  'category',
  'designation',
  'text',
  'applicability',
  'verification',
];

/** Where a criterion came from in the file, to turn `criteria.3.text` into "line 5, text". */
export interface CsvCatalog {
  readonly catalog: CatalogInput;
  /** The file line of each criterion (1-based; the header is line 1). */
  readonly lines: readonly number[];
}

export type CsvCatalogResult =
  | { readonly ok: true; readonly value: CsvCatalog }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };

const FORMULA_START = /^[=+\-@]/;
const ESCAPED_FORMULA = /^'[=+\-@]/;

function unescapeCell(value: string): string {
  return ESCAPED_FORMULA.test(value) ? value.slice(1) : value;
}

function escapeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** "importer=confirmed; exporter=likely" → { importer: 'confirmed', exporter: 'likely' }. */
function parsePairs(cell: string, where: string, issues: FieldIssue[]): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const part of cell
    .split(';')
    .map((text) => text.trim())
    .filter(Boolean)) {
    const [key, value, ...rest] = part.split('=').map((text) => text.trim());
    if (!key || !value || rest.length > 0) {
      issues.push({ path: where, message: `"${part}" must be written entity_type=value` });
      continue;
    }
    pairs[key] = value;
  }
  return pairs;
}

function emptyToNull(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value;
}

/**
 * Reads a catalog CSV. Problems with the file itself (not CSV, missing columns, bad pairs) are
 * reported with line numbers here; the criteria are then checked by CatalogSchema.
 */
export function parseCatalogCsv(
  content: string,
  meta: { version: string; description: string },
): CsvCatalogResult {
  let records: { record: string[]; line: number }[];
  try {
    // With `info: true` csv-parse returns { record, info } per row; its types do not say so.
    const parsed = parse(content, { bom: true, skip_empty_lines: true, info: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    records = parsed.map(({ record, info }) => ({
      record,
      // info.lines is the line a record ends on; a quoted cell may span several lines.
      line: info.lines - (record.join('').match(/\n/g)?.length ?? 0),
    }));
  } catch (error) {
    const message = error instanceof CsvError ? error.message : String(error);
    return { ok: false, issues: [{ path: 'content', message: `is not readable CSV: ${message}` }] };
  }
  const [header, ...rows] = records;
  if (!header) {
    return { ok: false, issues: [{ path: 'content', message: 'is empty: expected a header row' }] };
  }
  const names = header.record.map((name) => name.trim().toLowerCase());
  const issues: FieldIssue[] = [];
  for (const required of REQUIRED_COLUMNS) {
    if (!names.includes(required)) {
      issues.push({ path: 'line 1', message: `the header has no "${required}" column` });
    }
  }
  names.forEach((name, index) => {
    if (!CATALOG_CSV_COLUMNS.includes(name as Column)) {
      issues.push({ path: `line 1, column ${index + 1}`, message: `unknown column "${name}"` });
    }
  });
  if (issues.length > 0) {
    return { ok: false, issues };
  }
  const cellOf = (row: string[], column: Column) => {
    const index = names.indexOf(column);
    return index === -1 ? undefined : unescapeCell(row[index] ?? '');
  };
  const lines: number[] = [];
  const criteria = rows.map(({ record: row, line }) => {
    lines.push(line);
    const category = cellOf(row, 'category') ?? '';
    return {
      id: (cellOf(row, 'id') ?? '').trim(),
      category: /^\d+$/.test(category.trim()) ? Number(category) : category,
      designation: (cellOf(row, 'designation') ?? '').trim().toLowerCase(),
      text: cellOf(row, 'text') ?? '',
      guidance: emptyToNull(cellOf(row, 'guidance')),
      applicability: parsePairs(
        cellOf(row, 'applicability') ?? '',
        `line ${line}, applicability`,
        issues,
      ),
      designationByEntityType: parsePairs(
        cellOf(row, 'designation_overrides') ?? '',
        `line ${line}, designation_overrides`,
        issues,
      ),
      verification: (cellOf(row, 'verification') ?? '').trim(),
      sources: (cellOf(row, 'sources') ?? '')
        .split(/\r?\n/)
        .map((source) => source.trim())
        .filter(Boolean),
      notes: emptyToNull(cellOf(row, 'notes')),
    };
  });
  if (issues.length > 0) {
    return { ok: false, issues };
  }
  return {
    ok: true,
    // The cells are strings; CatalogSchema checks each value and names what is wrong.
    value: { catalog: { ...meta, criteria: criteria as CatalogInput['criteria'] }, lines },
  };
}

function pairs(record: Partial<Record<string, string>>): string {
  return Object.entries(record)
    .map(([key, value]) => `${key}=${value}`)
    .join('; ');
}

/** Writes criteria as catalog CSV (header first), readable by parseCatalogCsv. */
export function catalogToCsv(criteria: readonly CatalogCriterion[]): string {
  const rows = criteria.map((criterion) =>
    [
      criterion.id,
      String(criterion.category),
      criterion.designation,
      criterion.text,
      criterion.guidance ?? '',
      pairs(criterion.applicability),
      pairs(criterion.designationByEntityType),
      criterion.verification,
      criterion.sources.join('\n'),
      criterion.notes ?? '',
    ].map(escapeCell),
  );
  return stringify([[...CATALOG_CSV_COLUMNS], ...rows]);
}
