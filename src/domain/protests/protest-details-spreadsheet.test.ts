import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  entryNumberCheckDigit,
  formatEntryNumber,
} from '../registry/identifiers/cbp-entry-number.ts';
import {
  normaliseHeader,
  type SheetRow,
  validateProtestDetailsSheet,
} from './protest-details-spreadsheet.ts';

const row = (line: number, cells: Record<string, string>): SheetRow => ({ line, cells });
const good = (line: number, overrides: Record<string, string> = {}) =>
  row(line, {
    'Entry Number': '123-4567890-3',
    'Entry Line Number': '1',
    'Change From': '8471.30.0100',
    'Change To': '8471.41.0150',
    ...overrides,
  });

const validEntryNumber = fc
  .tuple(
    fc.array(fc.constantFrom(...'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'.split('')), {
      minLength: 3,
      maxLength: 3,
    }),
    fc.array(fc.constantFrom(...'0123456789'.split('')), { minLength: 7, maxLength: 7 }),
  )
  .map(([filer, transaction]) => {
    const first = filer.join('') + transaction.join('');
    return formatEntryNumber(first + String(entryNumberCheckDigit(first)));
  });

describe(validateProtestDetailsSheet.name, () => {
  it('imports good rows, canonical, keeping extra columns', () => {
    const result = validateProtestDetailsSheet({
      columns: ['entry number', 'ENTRY LINE  NUMBER', 'Change From', 'change to', 'HTS note'],
      rows: [
        row(2, {
          'entry number': 'abc 1234567 6',
          'ENTRY LINE  NUMBER': '003',
          'Change From': '8471.30.0100',
          'change to': '8471.41.0150',
          'HTS note': 'laptops',
        }),
        row(3, {
          'entry number': '',
          'ENTRY LINE  NUMBER': '',
          'Change From': ' ',
          'change to': '',
          'HTS note': '',
        }),
      ],
    });
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          line: 2,
          entryNumber: 'ABC-1234567-6',
          entryLineNumber: 3,
          changeFrom: '8471.30.0100',
          changeTo: '8471.41.0150',
          extra: { 'HTS note': 'laptops' },
        },
      ],
    });
  });

  it('names every missing or doubled required column on the header line, and checks no row', () => {
    const result = validateProtestDetailsSheet({
      columns: ['Entry Number', 'EntryNumber', 'Change From'],
      rows: [row(2, { 'Entry Number': 'bad', EntryNumber: 'bad', 'Change From': 'x' })],
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          line: 1,
          column: 'Entry Number',
          code: 'duplicate_column',
          message:
            'the column "Entry Number" appears 2 times ("Entry Number", "EntryNumber"): keep one',
        },
        {
          line: 1,
          column: 'Entry Line Number',
          code: 'missing_column',
          message: 'the required column "Entry Line Number" is missing',
        },
        {
          line: 1,
          column: 'Change To',
          code: 'missing_column',
          message: 'the required column "Change To" is missing',
        },
      ],
    });
  });

  it('reports every bad row with its line, column and reason, and imports nothing', () => {
    const result = validateProtestDetailsSheet({
      rows: [
        good(2),
        good(3, { 'Entry Number': '123-4567890-4' }),
        good(4, { 'Entry Line Number': '0', 'Change To': '' }),
        good(5),
        good(6, { 'Entry Line Number': '1.5', 'Entry Number': '' }),
      ],
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          line: 3,
          column: 'Entry Number',
          code: 'entry_number_check_digit',
          message: 'the check digit should be 3, not 4: look for a mistyped character',
        },
        {
          line: 4,
          column: 'Entry Line Number',
          code: 'entry_line_number',
          message: 'must be a whole number of 1 or more, not "0"',
        },
        { line: 4, column: 'Change To', code: 'required', message: 'is required' },
        { line: 6, column: 'Entry Number', code: 'required', message: 'is required' },
        {
          line: 6,
          column: 'Entry Line Number',
          code: 'entry_line_number',
          message: 'must be a whole number of 1 or more, not "1.5"',
        },
      ],
    });
  });

  it("refuses entries that are not the protest's, in any spelling", () => {
    const result = validateProtestDetailsSheet({
      rows: [good(2), good(3, { 'Entry Number': 'JSZ-0000000-6' })],
      protestEntryNumbers: ['12345678903'],
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          line: 3,
          column: 'Entry Number',
          code: 'entry_not_in_protest',
          message: "entry JSZ-0000000-6 is not one of this protest's entries",
        },
      ],
    });
  });

  it('refuses a sheet with no rows and a too long change', () => {
    expect(
      validateProtestDetailsSheet({
        columns: ['Entry Number', 'Entry Line Number', 'Change From', 'Change To'],
        rows: [],
      }),
    ).toMatchObject({
      ok: false,
      problems: [{ line: 1, column: null, code: 'no_rows' }],
    });
    expect(
      validateProtestDetailsSheet({ rows: [good(2, { 'Change From': 'x'.repeat(1001) })] }),
    ).toMatchObject({
      ok: false,
      problems: [{ line: 2, column: 'Change From', code: 'too_long' }],
    });
  });

  it('matches headers whatever their case and spacing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'Entry Line Number',
          'entry line number',
          'ENTRYLINENUMBER',
          ' Entry  Line\tNumber ',
        ),
        (header) => {
          expect(normaliseHeader(header)).toBe('entrylinenumber');
        },
      ),
    );
  });

  it('reports exactly the bad rows, and imports all rows when none is bad', () => {
    const rowSpec = fc.record({
      entry: validEntryNumber,
      line: fc.integer({ min: 1, max: 9999 }),
      bad: fc.constantFrom(null, 'line', 'entry', 'from'),
    });
    fc.assert(
      fc.property(fc.array(rowSpec, { minLength: 1, maxLength: 30 }), (specs) => {
        const rows = specs.map((spec, index) =>
          row(index + 2, {
            'Entry Number': spec.bad === 'entry' ? `${spec.entry}9` : spec.entry.toLowerCase(),
            'Entry Line Number': spec.bad === 'line' ? '-1' : String(spec.line),
            'Change From': spec.bad === 'from' ? '' : 'A',
            'Change To': 'B',
            Extra: String(index),
          }),
        );
        const result = validateProtestDetailsSheet({ rows });
        const badLines = specs.flatMap((spec, index) => (spec.bad === null ? [] : [index + 2]));
        if (badLines.length === 0) {
          expect(result.ok).toBe(true);
          if (result.ok) {
            expect(result.rows.map((r) => r.entryNumber)).toEqual(specs.map((s) => s.entry));
            expect(result.rows.map((r) => r.extra.Extra)).toEqual(specs.map((_, i) => String(i)));
          }
        } else {
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect([...new Set(result.problems.map((p) => p.line))]).toEqual(badLines);
          }
        }
      }),
    );
  });
});
