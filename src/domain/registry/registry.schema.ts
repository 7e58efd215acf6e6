import { z } from 'zod';
import { EntityTypeSchema } from '../organisations/organisation.schema.ts';
import { IDENTIFIER_KINDS } from './identifiers/identifier-kinds.ts';
import {
  MEMBERSHIP_STATUSES,
  REMOVAL_CAUSES,
  REVIEW_STEPS,
  TIER_STATUSES,
} from './lifecycle/membership-states.ts';
import { MEMBERSHIP_TRANSITIONS } from './lifecycle/membership-transitions.ts';

/**
 * The registry API's request and response schemas (issue 4, items 4, 5 and 7): a company's
 * draft application, its submission, and the membership file members and CBP read. The CBP
 * queue's schemas are in member-queue.schema.ts.
 */

export const MAX_ENTITY_TYPES_PER_APPLICATION = 14;
export const MAX_IDENTIFIERS_PER_ENTITY_TYPE = 10;

const IdentifierInputSchema = z.object({
  // Free strings here: validateEntityIdentifiers names an unknown kind at `.kind`.
  kind: z.string().min(1).max(60),
  value: z.string().max(100),
});

const EntityTypeApplicationSchema = z.object({
  entityType: EntityTypeSchema,
  identifiers: z.array(IdentifierInputSchema).max(MAX_IDENTIFIERS_PER_ENTITY_TYPE),
  // Checked per entity type against its questionnaire by the service (eligibilityAnswersSchema).
  eligibility: z.record(z.string().max(120), z.boolean()),
});

export const SaveApplicationBodySchema = z.object({
  entityTypes: z
    .array(EntityTypeApplicationSchema)
    .min(1, 'name at least one entity type')
    .max(MAX_ENTITY_TYPES_PER_APPLICATION)
    .superRefine((entries, ctx) => {
      const seen = new Set<string>();
      entries.forEach((entry, index) => {
        if (seen.has(entry.entityType)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'entityType'],
            message: 'the same entity type is given twice',
          });
        }
        seen.add(entry.entityType);
      });
    }),
});
export type SaveApplicationBody = z.infer<typeof SaveApplicationBodySchema>;

export const SubmitApplicationBodySchema = z.object({
  agreementAccepted: z
    .literal(true, { message: 'the partner agreement must be accepted' })
    .describe('The company officer accepts the CTPAT partner agreement for the company'),
});
export type SubmitApplicationBody = z.infer<typeof SubmitApplicationBodySchema>;

export const MembershipTransitionSchema = z.enum(MEMBERSHIP_TRANSITIONS);

export const MemberTransitionBodySchema = z.object({
  transition: MembershipTransitionSchema,
  reason: z.string().trim().min(1).max(2000).optional(),
  specialistUserId: z.uuid().optional().describe('assign_specialist: the SCSS to assign'),
  evidenceIds: z
    .array(z.string().min(1).max(100))
    .max(20)
    .optional()
    .describe('Ids of evidence documents (validation report, corrective action plan, ...)'),
});
export type MemberTransitionBody = z.infer<typeof MemberTransitionBodySchema>;

export const MemberIdParamsSchema = z.object({ organisationId: z.uuid() });

export const MembershipStateSchema = z.object({
  status: z.enum(MEMBERSHIP_STATUSES),
  reviewStep: z.enum(REVIEW_STEPS).nullable(),
  since: z.iso.date(),
  heldStatus: z.enum(TIER_STATUSES).nullable(),
  responseReceivedOn: z.iso.date().nullable(),
  removalCause: z.enum(REMOVAL_CAUSES).nullable(),
});

export const TierSchema = z.enum(['I', 'II', 'III']);

export const MEMBERSHIP_CLOCK_NAMES = [
  'certification_target',
  'first_validation',
  'revalidation',
  'revalidation_planning',
  'annual_review_window',
  'suspension_response',
  'reapplication_bar',
] as const;

export const MembershipClockViewSchema = z.object({
  name: z.enum(MEMBERSHIP_CLOCK_NAMES),
  due: z.iso.date(),
  opens: z.iso.date().nullable(),
  kind: z.enum(['deadline', 'target']),
  citation: z.string(),
  text: z.string(),
  provisional: z.boolean(),
});
export type MembershipClockView = z.infer<typeof MembershipClockViewSchema>;

export const StoredIdentifierSchema = z.object({
  kind: z.enum(IDENTIFIER_KINDS),
  value: z.string(),
  warnings: z.array(z.string()),
});
export type StoredIdentifier = z.infer<typeof StoredIdentifierSchema>;

export const PartnerEntityTypeSchema = z.object({
  entityType: EntityTypeSchema,
  identifiers: z.array(StoredIdentifierSchema),
  eligibility: z.record(z.string(), z.boolean()),
  eligible: z.boolean(),
});

export const StatusHistoryEntrySchema = z.object({
  seq: z.number().int(),
  transition: MembershipTransitionSchema,
  fromState: z.enum(MEMBERSHIP_STATUSES),
  toState: z.enum(MEMBERSHIP_STATUSES),
  toReviewStep: z.enum(REVIEW_STEPS).nullable(),
  actorUserId: z.uuid().nullable(),
  actorRole: z.string().nullable(),
  reason: z.string().nullable(),
  on: z.iso.date(),
  at: z.iso.datetime(),
});

export const MembershipFileSchema = z
  .object({
    organisationId: z.uuid(),
    legalName: z.string(),
    state: MembershipStateSchema,
    tier: TierSchema.nullable(),
    assignedSpecialistUserId: z.uuid().nullable(),
    cbpOfficeId: z.uuid().nullable(),
    applicationSubmittedOn: z.iso.date().nullable(),
    certifiedOn: z.iso.date().nullable(),
    validatedOn: z.iso.date().nullable(),
    lastValidatedOn: z.iso.date().nullable(),
    entityTypes: z.array(PartnerEntityTypeSchema),
    clocks: z.array(MembershipClockViewSchema),
    history: z.array(StatusHistoryEntrySchema),
    availableTransitions: z
      .array(MembershipTransitionSchema)
      .describe('What the caller’s role could do from the current state'),
  })
  .meta({ id: 'MembershipFile' });
export type MembershipFile = z.infer<typeof MembershipFileSchema>;
