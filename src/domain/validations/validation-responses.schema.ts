import { z } from 'zod';
import { REQUIRED_ACTION_STATES } from './validation-outcome.ts';
import {
  RESPONSE_DECISIONS,
  VALIDATION_OUTCOMES,
  VALIDATION_STATUSES,
} from './validation-vocabulary.ts';

/**
 * The API shapes of the member's responses to required actions and of the specialist's
 * decisions on them (issue 6, items 6 and 7). Dates are `YYYY-MM-DD`, instants ISO date-times.
 */

export const MAX_RESPONSE_EVIDENCE = 20;

const PersonSchema = z.object({ id: z.uuid(), name: z.string() });

export const ResponseEvidenceSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  /** Deleted from the evidence library since the response cited it. */
  deleted: z.boolean(),
});

export const RequiredActionResponseSchema = z
  .object({
    id: z.uuid(),
    correctivePlan: z.string(),
    targetOn: z.iso.date(),
    evidence: z.array(ResponseEvidenceSchema),
    submittedBy: PersonSchema.nullable(),
    submittedAt: z.iso.datetime({ offset: true }),
    decision: z.enum(RESPONSE_DECISIONS).nullable(),
    decisionNote: z.string().nullable(),
    decidedBy: PersonSchema.nullable(),
    decidedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'RequiredActionResponse' });
export type RequiredActionResponse = z.infer<typeof RequiredActionResponseSchema>;

export const RequiredActionSchema = z
  .object({
    findingId: z.uuid(),
    criterion: z.object({
      id: z.string(),
      /** The criterion's text in the current catalog (null when it is no longer in it). */
      text: z.string().nullable(),
    }),
    /** The site the finding is about; null for the whole validation. */
    site: PersonSchema.nullable(),
    /** The specialist's notes on the finding. */
    notes: z.string(),
    evidenceSeen: z.string(),
    state: z.enum(REQUIRED_ACTION_STATES),
    /** Not answered (or returned and not answered again) after the deadline. */
    overdue: z.boolean(),
    /** Oldest first; the last one is current. */
    responses: z.array(RequiredActionResponseSchema),
  })
  .meta({ id: 'RequiredAction' });
export type RequiredAction = z.infer<typeof RequiredActionSchema>;

export const ResponseDeadlineSchema = z.object({
  due: z.iso.date(),
  /** True while the period is not confirmed by a primary source (VALIDATION_RESPONSE_DAYS). */
  provisional: z.boolean(),
  citation: z.string(),
  text: z.string(),
  daysLeft: z.number().int().describe('Negative once the deadline has passed'),
});

export const RequiredActionsViewSchema = z
  .object({
    validationId: z.uuid(),
    organisationId: z.uuid(),
    status: z.enum(VALIDATION_STATUSES),
    reportIssuedOn: z.iso.date().nullable(),
    recommendedOutcome: z.enum(VALIDATION_OUTCOMES).nullable(),
    deadline: ResponseDeadlineSchema.nullable(),
    /** Required actions not accepted yet. */
    open: z.number().int(),
    overdue: z.number().int(),
    /** Required actions left unanswered past the deadline (ctpat-program.md §3.6). */
    suspensionRisk: z.boolean(),
    outcome: z.enum(VALIDATION_OUTCOMES).nullable(),
    closedOn: z.iso.date().nullable(),
    nextRevalidationDueOn: z.iso.date().nullable(),
    version: z.number().int(),
    items: z.array(RequiredActionSchema),
  })
  .meta({ id: 'RequiredActionsView' });
export type RequiredActionsView = z.infer<typeof RequiredActionsViewSchema>;

export const ValidationIdParamsSchema = z.object({ id: z.uuid() });
export const RequiredActionParamsSchema = z.object({ id: z.uuid(), findingId: z.uuid() });
export const ResponseParamsSchema = z.object({ id: z.uuid(), responseId: z.uuid() });

/**
 * The member's answer to one required action (issue 6, item 6): a corrective plan, the day it
 * will be done (not in the past) and evidence from the company's own library.
 */
export const SubmitResponseBodySchema = z.object({
  correctivePlan: z.string().trim().min(1, 'is required').max(8000),
  targetOn: z.iso.date(),
  evidenceIds: z
    .array(z.uuid())
    .max(MAX_RESPONSE_EVIDENCE)
    .refine((ids) => new Set(ids).size === ids.length, 'lists the same document twice')
    .default([]),
  /** The validation's version as read: 409 when it changed meanwhile. */
  expectedVersion: z.number().int().positive().optional(),
});
export type SubmitResponseBody = z.infer<typeof SubmitResponseBodySchema>;

/** The specialist's decision on a response: a return says what to change. */
export const ResponseDecisionBodySchema = z.object({
  decision: z.enum(RESPONSE_DECISIONS),
  note: z.string().trim().max(4000).optional(),
  expectedVersion: z.number().int().positive().optional(),
});
export type ResponseDecisionBody = z.infer<typeof ResponseDecisionBodySchema>;
