import { z } from 'zod';
import { validateCbpEntryNumber } from '../registry/identifiers/cbp-entry-number.ts';
import { validateImporterOfRecordNumber } from '../registry/identifiers/importer-of-record-number.ts';
import {
  type CalendarDate,
  calendarDateOf,
  isAfter,
  isBefore,
  parseCalendarDate,
} from '../time/calendar-date.ts';
import { CBP_CENTER_CODES } from './cbp-centers.ts';
import { FIRST_HOLIDAY_TABLE_YEAR } from './federal-holidays.ts';
import { FILING_TRIGGERS } from './filing-window.ts';
import { FURTHER_REVIEW_CRITERIA } from './further-review.ts';
import { parseProtestNumber } from './protest-number.ts';
import {
  DRAWBACK_DECLARATIONS,
  MERCHANDISE_CATEGORY_MAX,
  PROTEST_FILER_CAPACITIES,
  PROTESTABLE_DECISIONS,
  PROTESTANT_TYPES,
} from './protest-vocabulary.ts';

/**
 * The body of "file a protest" (issue 7, item 1; 19 U.S.C. 1514(c); 19 CFR 174.12–174.13;
 * ../shared/domain/trade-compliance-protests-exams.md §2.2, §2.4, §2.7).
 *
 * Identifiers are read as people write them and come out canonical: entry numbers through the
 * registry's validator (format and check digit), importer numbers through the importer-of-
 * record validator, a related protest's number in any historical form (protest-number.ts).
 *
 * Checks across fields name the field path: exactly one lead entry; no entry twice; a
 * liquidation or reliquidation not before its entry date; every objection against a decision
 * listed as protested and every decision protested with an objection; the surety
 * non-collusion statement when (and only when) the protestant is a surety; a drawback
 * declaration consistent with a drawback protest.
 *
 * Dates against today: a schema cannot read the clock, so `createFileProtestBodySchema({ today })`
 * adds "not in the future" for every date. `FileProtestBodySchema` (for the route and the
 * OpenAPI document) has every other check; the service parses again with today's date.
 * An untimely protest is NOT refused here: it is filed and flagged (filing-window.ts).
 */

export const PROTESTANT_NAME_MAX = 200;
export const ADDRESS_MAX = 1000;
export const DESCRIPTION_MAX = 4000;
export const OBJECTION_MAX = 4000;
export const JUSTIFICATION_MAX = 20_000;
export const STATEMENT_MAX = 4000;
/** Product limit, not a CBP rule: larger protests attach the details spreadsheet. */
export const MAX_ENTRIES_PER_PROTEST = 1000;
export const MAX_CATEGORIES_PER_PROTEST = 50;
export const MAX_OBJECTIONS_PER_CATEGORY = 50;

/** The earliest date accepted: the federal holiday table starts in 1971. */
const EARLIEST_DATE = calendarDateOf(FIRST_HOLIDAY_TABLE_YEAR, 1, 1);

/**
 * A calendar date field. With `today`, a date after it is refused here, at the field, so the
 * error comes with every other field's in one answer (an object's cross-field refinements only
 * run once its fields parse).
 */
export const dateField = (description: string, today?: CalendarDate) =>
  z
    .string()
    .max(10)
    .transform((text, ctx): CalendarDate => {
      const date = parseCalendarDate(text);
      if (date === null) {
        ctx.addIssue({ code: 'custom', message: 'must be a date as YYYY-MM-DD' });
        return z.NEVER;
      }
      if (isBefore(date, EARLIEST_DATE)) {
        ctx.addIssue({
          code: 'custom',
          message: `must be in ${FIRST_HOLIDAY_TABLE_YEAR} or later`,
        });
        return z.NEVER;
      }
      if (today !== undefined && isAfter(date, today)) {
        ctx.addIssue({ code: 'custom', message: `${date} is in the future (today is ${today})` });
        return z.NEVER;
      }
      return date;
    })
    .describe(description);

/** What the identifier validators return (identifier-result.ts, protest-number.ts). */
type Validated =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly problems: readonly { readonly message: string }[] };

const identifierField = (validate: (raw: unknown) => Validated, description: string) =>
  z
    .string()
    .max(100)
    .transform((text, ctx) => {
      const result = validate(text);
      if (!result.ok) {
        for (const problem of result.problems) {
          ctx.addIssue({ code: 'custom', message: problem.message });
        }
        return z.NEVER;
      }
      return result.value;
    })
    .describe(description);

const text = (max: number) => z.string().trim().min(1, 'is required').max(max);

const entrySchema = (today?: CalendarDate) =>
  z.object({
    entryNumber: identifierField(validateCbpEntryNumber, 'CBP entry number, XXX-NNNNNNN-C'),
    entryDate: dateField(
      'Date of entry: decides a 90-day (before 2004-12-18) or 180-day window',
      today,
    ),
    dateKind: z
      .enum(FILING_TRIGGERS)
      .describe(
        'What liquidationOrDecisionDate is: liquidation, reliquidation, the decision protested, or (surety) the mailing of the demand on the bond',
      ),
    liquidationOrDecisionDate: dateField('The date the filing window runs from', today),
    lead: z.boolean().describe('The lead entry (exactly one): ACE fills port and team from it'),
  });

const ObjectionSchema = z.object({
  decision: z.enum(PROTESTABLE_DECISIONS).describe('One of the decisions protested'),
  objection: text(OBJECTION_MAX).describe('The nature of the objection'),
  justification: text(JUSTIFICATION_MAX).describe('The factual and legal arguments'),
});

/** A category of merchandise with its objections (also the amendment body's, protest-member-requests.schema.ts). */
export const CategorySchema = z.object({
  category: text(MERCHANDISE_CATEGORY_MAX).describe(
    'Category of merchandise, free text (no official list)',
  ),
  description: text(DESCRIPTION_MAX).describe('Specific description of the merchandise'),
  objections: z
    .array(ObjectionSchema)
    .min(1, 'give at least one objection')
    .max(MAX_OBJECTIONS_PER_CATEGORY),
});

/** The filing body's fields; with `today`, dates after it are refused at their field. */
const fileProtestShapeFor = (today?: CalendarDate) =>
  z.object({
    portCode: z
      .string()
      .regex(/^\d{4}$/, 'must be the 4-digit CBP port code')
      .describe(
        'The port (or Center port) whose decision is protested: the protest number starts with it',
      ),
    center: z
      .enum(CBP_CENTER_CODES)
      .describe('The Center of Excellence and Expertise that reviews it (provisional list)'),
    furtherReview: z
      .object({
        criterion: z.enum(FURTHER_REVIEW_CRITERIA),
        reason: text(JUSTIFICATION_MAX),
      })
      .optional()
      .describe('An application for further review filed with the protest (19 CFR 174.24–174.25)'),
    protestant: z.object({
      name: text(PROTESTANT_NAME_MAX),
      address: text(ADDRESS_MAX),
    }),
    protestantType: z.enum(PROTESTANT_TYPES),
    importerNumber: identifierField(
      validateImporterOfRecordNumber,
      "The protestant's importer number (19 CFR 174.13(a)(2)); the CTPAT Trade Compliance indicator is derived from it",
    ),
    filer: z.object({
      name: text(PROTESTANT_NAME_MAX),
      address: text(ADDRESS_MAX),
      capacity: z.enum(PROTEST_FILER_CAPACITIES),
      importerNumber: identifierField(
        validateImporterOfRecordNumber,
        "The agent's importer number when filing under a power of attorney",
      ).optional(),
    }),
    entries: z
      .array(entrySchema(today))
      .min(1, 'give at least one entry')
      .max(MAX_ENTRIES_PER_PROTEST),
    decisionsProtested: z
      .array(z.enum(PROTESTABLE_DECISIONS))
      .min(1, 'name at least one decision protested'),
    categories: z
      .array(CategorySchema)
      .min(1, 'give at least one category of merchandise')
      .max(MAX_CATEGORIES_PER_PROTEST),
    relatedProtest: z
      .object({
        protestNumber: identifierField(
          parseProtestNumber,
          'A protest pending further review to decide this one by (any historical form)',
        ),
        receivedOn: dateField('The date CBP received that protest', today),
      })
      .optional(),
    suretyNonCollusionStatement: text(STATEMENT_MAX)
      .optional()
      .describe(
        'Surety only: that the protest is not filed collusively to extend another party’s time (19 U.S.C. 1514(c)(3))',
      ),
    drawbackDeclaration: z
      .enum(DRAWBACK_DECLARATIONS)
      .describe('Whether the entry is, or may become, subject to drawback (19 CFR 174.13(a)(9))'),
  });

const fileProtestShape = fileProtestShapeFor();

type FileProtestShape = z.output<typeof fileProtestShape>;

function checkAcrossFields(body: FileProtestShape, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });

  const leads = body.entries.flatMap((entry, index) => (entry.lead ? [index] : []));
  if (leads.length === 0) {
    issue(['entries'], 'mark one entry as the lead entry');
  }
  for (const index of leads.slice(1)) {
    issue(['entries', index, 'lead'], 'only one entry can be the lead entry');
  }
  const seenEntries = new Set<string>();
  body.entries.forEach((entry, index) => {
    if (seenEntries.has(entry.entryNumber)) {
      issue(['entries', index, 'entryNumber'], `entry ${entry.entryNumber} is listed twice`);
    }
    seenEntries.add(entry.entryNumber);
    const isLiquidation = entry.dateKind === 'liquidation' || entry.dateKind === 'reliquidation';
    if (isLiquidation && isBefore(entry.liquidationOrDecisionDate, entry.entryDate)) {
      issue(
        ['entries', index, 'liquidationOrDecisionDate'],
        `the ${entry.dateKind} date cannot be before the entry date ${entry.entryDate}`,
      );
    }
  });

  const protested = new Set(body.decisionsProtested);
  body.decisionsProtested.forEach((decision, index) => {
    if (body.decisionsProtested.indexOf(decision) !== index) {
      issue(['decisionsProtested', index], 'is listed twice');
    }
  });
  const objected = new Set<string>();
  const seenCategories = new Set<string>();
  body.categories.forEach((category, c) => {
    const key = category.category.toLowerCase();
    if (seenCategories.has(key)) {
      issue(['categories', c, 'category'], 'this category is listed twice');
    }
    seenCategories.add(key);
    category.objections.forEach((objection, o) => {
      objected.add(objection.decision);
      if (!protested.has(objection.decision)) {
        issue(
          ['categories', c, 'objections', o, 'decision'],
          'is not one of the decisions protested',
        );
      }
    });
  });
  body.decisionsProtested.forEach((decision, index) => {
    if (!objected.has(decision) && body.decisionsProtested.indexOf(decision) === index) {
      issue(['decisionsProtested', index], 'has no objection: give one in a category');
    }
  });

  if (body.protestantType === 'surety' && body.suretyNonCollusionStatement === undefined) {
    issue(
      ['suretyNonCollusionStatement'],
      'is required when the protestant is a surety (19 U.S.C. 1514(c)(3))',
    );
  }
  if (body.protestantType !== 'surety' && body.suretyNonCollusionStatement !== undefined) {
    issue(['suretyNonCollusionStatement'], 'is given only when the protestant is a surety');
  }

  const drawbackProtest =
    body.protestantType === 'drawback_claimant' || protested.has('drawback_refusal');
  if (drawbackProtest && body.drawbackDeclaration === 'not_subject_to_drawback') {
    issue(
      ['drawbackDeclaration'],
      'cannot say "not subject to drawback" in a protest by a drawback claimant or against a refusal of drawback',
    );
  }
}

/** Every check but "not in the future": for the route's schema and the OpenAPI document. */
export const FileProtestBodySchema = fileProtestShape
  .superRefine(checkAcrossFields)
  .meta({ id: 'FileProtestBody' });

/** The complete check, with today's date (the service: `todayFromClock(clock)`). */
export function createFileProtestBodySchema(options: { readonly today: CalendarDate }) {
  return fileProtestShapeFor(options.today).superRefine(checkAcrossFields);
}

export type FileProtestBodyInput = z.input<typeof fileProtestShape>;
export type FileProtestBody = z.output<typeof fileProtestShape>;
