import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  addDays,
  type CalendarDate,
  calendarDate,
  calendarDateFromInstant,
  isAfter,
} from '../time/calendar-date.ts';
import {
  createFileProtestBodySchema,
  type FileProtestBodyInput,
  FileProtestBodySchema,
} from './protest.schema.ts';

const today = calendarDate('2026-11-30');
const schema = createFileProtestBodySchema({ today });

function body(overrides: Partial<FileProtestBodyInput> = {}): FileProtestBodyInput {
  return {
    portCode: '2704',
    center: 'CPM',
    protestant: { name: 'Acme Imports LLC', address: '1 Harbor Way, Long Beach, CA' },
    protestantType: 'importer',
    importerNumber: '12-3456789AB',
    filer: {
      name: 'Broker & Co',
      address: '2 Dock St, Long Beach, CA',
      capacity: 'authorized_agent',
    },
    entries: [
      {
        entryNumber: '12345678903',
        entryDate: '2026-01-15',
        dateKind: 'liquidation',
        liquidationOrDecisionDate: '2026-10-02',
        lead: true,
      },
      {
        entryNumber: 'ABC-1234567-6',
        entryDate: '2026-01-20',
        dateKind: 'liquidation',
        liquidationOrDecisionDate: '2026-10-09',
        lead: false,
      },
    ],
    decisionsProtested: ['classification_and_rate'],
    categories: [
      {
        category: 'Laptop computers',
        description: 'Portable computers under 10 kg, model X1',
        objections: [
          {
            decision: 'classification_and_rate',
            objection: 'Classified under 8471.30 instead of 8471.41',
            justification: 'The goods are ... (GRI 1, HQ rulings ...).',
          },
        ],
      },
    ],
    drawbackDeclaration: 'not_subject_to_drawback',
    ...overrides,
  };
}

/** Path and message of every issue, to assert exactly what is refused. */
function issues(result: z.ZodSafeParseResult<unknown>): Array<[string, string]> {
  return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
}

describe('FileProtestBody', () => {
  it('accepts a protest and returns canonical identifiers', () => {
    const result = schema.safeParse(body());
    expect(result.success).toBe(true);
    if (result.success) {
      expect(result.data.importerNumber).toBe('12-3456789AB');
      expect(result.data.entries.map((e) => e.entryNumber)).toEqual([
        '123-4567890-3',
        'ABC-1234567-6',
      ]);
    }
  });

  it('refuses a malformed entry number with the validator’s reason at its path', () => {
    const input = body();
    input.entries[1] = {
      ...(input.entries[1] as FileProtestBodyInput['entries'][number]),
      entryNumber: 'ABC-1234567-7',
    };
    expect(issues(schema.safeParse(input))).toEqual([
      [
        'entries.1.entryNumber',
        'the check digit should be 6, not 7: look for a mistyped character',
      ],
    ]);
  });

  it('refuses a liquidation date in the future, naming the field', () => {
    const input = body();
    input.entries[1] = {
      ...(input.entries[1] as FileProtestBodyInput['entries'][number]),
      liquidationOrDecisionDate: '2026-12-01',
    };
    expect(issues(schema.safeParse(input))).toEqual([
      ['entries.1.liquidationOrDecisionDate', '2026-12-01 is in the future (today is 2026-11-30)'],
    ]);
    // The route's schema cannot know today's date; the service's does.
    expect(FileProtestBodySchema.safeParse(input).success).toBe(true);
  });

  it('reports a future date together with every other field problem, in one answer', () => {
    const input = body({ portCode: '27' });
    input.entries[1] = {
      ...(input.entries[1] as FileProtestBodyInput['entries'][number]),
      liquidationOrDecisionDate: '2026-12-01',
    };
    const paths = issues(schema.safeParse(input)).map(([path]) => path);
    expect(paths).toEqual(
      expect.arrayContaining(['portCode', 'entries.1.liquidationOrDecisionDate']),
    );
  });

  it('refuses a liquidation before the entry date', () => {
    const input = body();
    input.entries[0] = {
      ...(input.entries[0] as FileProtestBodyInput['entries'][number]),
      liquidationOrDecisionDate: '2026-01-14',
    };
    expect(issues(schema.safeParse(input))).toEqual([
      [
        'entries.0.liquidationOrDecisionDate',
        'the liquidation date cannot be before the entry date 2026-01-15',
      ],
    ]);
  });

  it('requires exactly one lead entry and no entry twice', () => {
    const [first, second] = body().entries as [
      FileProtestBodyInput['entries'][number],
      FileProtestBodyInput['entries'][number],
    ];
    expect(
      issues(schema.safeParse(body({ entries: [{ ...first, lead: false }, second] }))),
    ).toEqual([['entries', 'mark one entry as the lead entry']]);
    expect(issues(schema.safeParse(body({ entries: [first, { ...second, lead: true }] })))).toEqual(
      [['entries.1.lead', 'only one entry can be the lead entry']],
    );
    expect(
      issues(
        schema.safeParse(body({ entries: [first, { ...second, entryNumber: '123 4567890 3' }] })),
      ),
    ).toEqual([['entries.1.entryNumber', 'entry 123-4567890-3 is listed twice']]);
  });

  it('ties objections to the decisions protested', () => {
    const input = body({ decisionsProtested: ['classification_and_rate', 'appraised_value'] });
    expect(issues(schema.safeParse(input))).toEqual([
      ['decisionsProtested.1', 'has no objection: give one in a category'],
    ]);
    const stray = body();
    const category = stray.categories[0] as FileProtestBodyInput['categories'][number];
    stray.categories[0] = {
      ...category,
      objections: [
        ...category.objections,
        { decision: 'drawback_refusal', objection: 'x', justification: 'y' },
      ],
    };
    expect(issues(schema.safeParse(stray))).toEqual([
      ['categories.0.objections.1.decision', 'is not one of the decisions protested'],
    ]);
  });

  it('requires the non-collusion statement from a surety, and only from a surety', () => {
    expect(issues(schema.safeParse(body({ protestantType: 'surety' })))).toEqual([
      [
        'suretyNonCollusionStatement',
        'is required when the protestant is a surety (19 U.S.C. 1514(c)(3))',
      ],
    ]);
    expect(
      schema.safeParse(
        body({
          protestantType: 'surety',
          suretyNonCollusionStatement: 'Not filed collusively ...',
        }),
      ).success,
    ).toBe(true);
    expect(
      issues(schema.safeParse(body({ suretyNonCollusionStatement: 'Not filed collusively' }))),
    ).toEqual([['suretyNonCollusionStatement', 'is given only when the protestant is a surety']]);
  });

  it('refuses "not subject to drawback" in a drawback protest', () => {
    expect(issues(schema.safeParse(body({ protestantType: 'drawback_claimant' })))).toEqual([
      [
        'drawbackDeclaration',
        'cannot say "not subject to drawback" in a protest by a drawback claimant or against a refusal of drawback',
      ],
    ]);
    expect(
      schema.safeParse(
        body({ protestantType: 'drawback_claimant', drawbackDeclaration: 'subject_to_drawback' }),
      ).success,
    ).toBe(true);
  });

  it('reads a related protest number in any historical form', () => {
    const result = schema.safeParse(
      body({ relatedProtest: { protestNumber: '270493103961', receivedOn: '1993-05-04' } }),
    );
    expect(result.success && result.data.relatedProtest?.protestNumber).toBe('2704-93-103961');
    expect(
      issues(
        schema.safeParse(
          body({ relatedProtest: { protestNumber: '2704-93', receivedOn: '1993-05-04' } }),
        ),
      ),
    ).toEqual([
      [
        'relatedProtest.protestNumber',
        'a protest number has 14 digits (PPPP-YYYY-NNNNNN) or, before ACE, 12 (PPPP-YY-NNNNNN); this has 6 digits',
      ],
    ]);
  });

  it('refuses impossible dates and dates before the holiday table', () => {
    const input = body();
    input.entries[0] = {
      ...(input.entries[0] as FileProtestBodyInput['entries'][number]),
      entryDate: '2026-02-30',
    };
    input.entries[1] = {
      ...(input.entries[1] as FileProtestBodyInput['entries'][number]),
      entryDate: '1969-12-31',
    };
    expect(issues(schema.safeParse(input))).toEqual([
      ['entries.0.entryDate', 'must be a date as YYYY-MM-DD'],
      ['entries.1.entryDate', 'must be in 1971 or later'],
    ]);
  });

  it('refuses a date exactly when it is after today', () => {
    const anyDay: fc.Arbitrary<CalendarDate> = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2090-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map(calendarDateFromInstant);
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -400, max: 400 }), (day, offset) => {
        const liquidation = addDays(day, offset);
        const input = body({
          entries: [
            {
              entryNumber: '123-4567890-3',
              entryDate: addDays(day, -500),
              dateKind: 'liquidation',
              liquidationOrDecisionDate: liquidation,
              lead: true,
            },
          ],
        });
        const result = createFileProtestBodySchema({ today: day }).safeParse(input);
        expect(result.success).toBe(!isAfter(liquidation, day));
      }),
    );
  });

  it('needs a 4-digit port and a known Center, and takes further review with a criterion', () => {
    const bad = schema.safeParse(body({ portCode: '27A4', center: 'XYZ' as never }));
    expect(bad.success).toBe(false);
    const paths = bad.success ? [] : bad.error.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['portCode', 'center']));
    const withReview = schema.safeParse(
      body({ furtherReview: { criterion: 'b', reason: 'Conflicts with ruling HQ H123456.' } }),
    );
    expect(withReview.success).toBe(true);
  });
});
