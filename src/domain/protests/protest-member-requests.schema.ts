import { z } from 'zod';
import type { CalendarDate } from '../time/calendar-date.ts';
import {
  CategorySchema,
  dateField,
  FileProtestBodySchema,
  MAX_CATEGORIES_PER_PROTEST,
} from './protest.schema.ts';
import { parseProtestNumber } from './protest-number.ts';
import { PROTESTABLE_DECISIONS } from './protest-vocabulary.ts';

/**
 * What a protest's filer sends besides the filing itself (issue 7, items 1, 2 and 6): the
 * number and filing day of a protest filed elsewhere that is recorded here, an amendment (19
 * U.S.C. 1514(c)(1); 19 CFR 174.14), a withdrawal. Accelerated disposition is
 * `AcceleratedDispositionBodySchema` (protest-api.schema.ts).
 */

/**
 * The two fields a recorded protest adds to the filing body: its number as CBP issued it (any
 * historical form: protest-number.ts) and the day it was filed, which timeliness is judged by.
 * `today` refuses a filing day in the future.
 */
export function createRecordedProtestFieldsSchema(options: { readonly today: CalendarDate }) {
  return z.object({
    protestNumber: z
      .string()
      .max(100)
      .transform((text, ctx) => {
        const result = parseProtestNumber(text);
        if (!result.ok) {
          for (const problem of result.problems) {
            ctx.addIssue({ code: 'custom', message: problem.message });
          }
          return z.NEVER;
        }
        return result;
      })
      .describe(
        'The protest number CBP issued, in any historical form (PPPP-YYYY-NNNNNN, PPPP-YY-NNNNNN, with or without hyphens)',
      ),
    filedOn: dateField(
      'The day the protest was filed with CBP: timeliness is judged by it',
      options.today,
    ),
  });
}

/** For the route's OpenAPI document: the filing body with the two recorded-protest fields. */
export const RecordProtestBodySchema = FileProtestBodySchema.and(
  z.object({
    protestNumber: z
      .string()
      .max(100)
      .describe('The protest number CBP issued, any historical form'),
    filedOn: z.iso.date().describe('The day the protest was filed with CBP'),
  }),
).meta({ id: 'RecordProtestBody' });

/**
 * An amendment: the decisions protested and the categories with their objections as they now
 * stand (the whole lists, replacing the filed ones). Every objection is against a decision
 * protested and every decision protested has an objection, as at filing.
 */
export const AmendProtestBodySchema = z
  .object({
    decisionsProtested: z
      .array(z.enum(PROTESTABLE_DECISIONS))
      .min(1, 'name at least one decision protested'),
    categories: z
      .array(CategorySchema)
      .min(1, 'give at least one category of merchandise')
      .max(MAX_CATEGORIES_PER_PROTEST),
    expectedVersion: z
      .number()
      .int()
      .optional()
      .describe('The version read: refused (409) when the protest changed since'),
  })
  .strict()
  .superRefine((body, ctx) => {
    const protested = new Set(body.decisionsProtested);
    const objected = new Set<string>();
    body.decisionsProtested.forEach((decision, index) => {
      if (body.decisionsProtested.indexOf(decision) !== index) {
        ctx.addIssue({
          code: 'custom',
          path: ['decisionsProtested', index],
          message: 'is listed twice',
        });
      }
    });
    const seen = new Set<string>();
    body.categories.forEach((category, c) => {
      const key = category.category.toLowerCase();
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['categories', c, 'category'],
          message: 'this category is listed twice',
        });
      }
      seen.add(key);
      category.objections.forEach((objection, o) => {
        objected.add(objection.decision);
        if (!protested.has(objection.decision)) {
          ctx.addIssue({
            code: 'custom',
            path: ['categories', c, 'objections', o, 'decision'],
            message: 'is not one of the decisions protested',
          });
        }
      });
    });
    body.decisionsProtested.forEach((decision, index) => {
      if (!objected.has(decision) && body.decisionsProtested.indexOf(decision) === index) {
        ctx.addIssue({
          code: 'custom',
          path: ['decisionsProtested', index],
          message: 'has no objection: give one in a category',
        });
      }
    });
  })
  .meta({ id: 'AmendProtestBody' });
export type AmendProtestBody = z.infer<typeof AmendProtestBodySchema>;

export const WithdrawProtestBodySchema = z
  .object({
    reason: z.string().trim().max(4000).optional().describe('Why the protest is withdrawn'),
  })
  .strict();

/**
 * A written request to the Commissioner to set aside the denial of further review (19 U.S.C.
 * 1515(c)): why the application was erroneously or improperly denied.
 */
export const SetAsideRequestBodySchema = z
  .object({
    reasons: z
      .string()
      .trim()
      .min(1, 'say why the denial of further review should be set aside')
      .max(20_000)
      .describe('Why the application for further review was erroneously or improperly denied'),
    expectedVersion: z
      .number()
      .int()
      .describe('The version read: refused (409) when the protest changed since'),
  })
  .strict()
  .meta({ id: 'SetAsideRequestBody' });
export type SetAsideRequestBody = z.infer<typeof SetAsideRequestBodySchema>;

export const ProtestAttachmentParamsSchema = z.object({
  protestId: z.uuid(),
  attachmentId: z.uuid(),
});
