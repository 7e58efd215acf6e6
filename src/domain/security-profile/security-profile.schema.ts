import { z } from 'zod';
import { ROLES } from '../authorization/roles.ts';
import { CRITERION_ID, DESIGNATIONS } from '../criteria/catalog.schema.ts';
import { LinkedEvidenceSchema } from '../evidence/evidence.schema.ts';
import { EntityTypeSchema } from '../organisations/organisation.schema.ts';
import { ANSWER_STATUSES, PROFILE_CYCLES, PROFILE_STATUSES } from './profile-vocabulary.ts';

/**
 * The Security Profile API's request and response schemas (issue 5, items 2, 3 and 8): the
 * company's working profile by category, autosaved answers, section assignments, comments and
 * the move to a newer catalog version. Submission and CBP review are profile-review.schema.ts.
 */

export const NARRATIVE_MAX_CHARS = 20_000;
export const COMMENT_MAX_CHARS = 4_000;

export const CriterionParamsSchema = z.object({
  criterionId: z
    .string()
    .regex(CRITERION_ID, 'must be a criterion id: a category number 1–12, a dot and a number'),
});

export const CategoryParamsSchema = z.object({
  category: z.coerce
    .number({ error: 'must be a category number from 1 to 12' })
    .int('must be a category number from 1 to 12')
    .min(1, 'must be a category number from 1 to 12')
    .max(12, 'must be a category number from 1 to 12'),
});

export const ProfileMemberParamsSchema = z.object({ organisationId: z.uuid() });

export const SaveAnswerBodySchema = z
  .object({
    status: z.enum(ANSWER_STATUSES).nullable(),
    narrative: z.string().max(NARRATIVE_MAX_CHARS),
    responsibleUserId: z.uuid().nullable(),
    expectedUpdatedAt: z.iso
      .datetime()
      .nullable()
      .describe(
        'The answer’s updatedAt as the editor last read it (null: no answer yet). A save based on an older answer is refused with 409 and the current answer, so nobody overwrites another person’s text unseen.',
      ),
  })
  .strict();
export type SaveAnswerBody = z.infer<typeof SaveAnswerBodySchema>;

export const AssignSectionBodySchema = z
  .object({
    userId: z.uuid().nullable().describe('The person to answer the section; null: unassign'),
  })
  .strict();
export type AssignSectionBody = z.infer<typeof AssignSectionBodySchema>;

export const AddCommentBodySchema = z
  .object({
    body: z.string().trim().min(1, 'is required').max(COMMENT_MAX_CHARS),
  })
  .strict();
export type AddCommentBody = z.infer<typeof AddCommentBodySchema>;

export const ProfileAnswerSchema = z
  .object({
    status: z.enum(ANSWER_STATUSES).nullable(),
    narrative: z.string(),
    responsibleUserId: z.uuid().nullable(),
    toReconfirm: z.boolean(),
    updatedAt: z.iso.datetime(),
    updatedByUserId: z.uuid().nullable(),
  })
  .meta({ id: 'ProfileAnswer' });
export type ProfileAnswer = z.infer<typeof ProfileAnswerSchema>;

export const ReadinessSchema = z
  .object({
    answered: z.number().int(),
    applicable: z.number().int(),
    mustsMet: z.number().int(),
    mustsApplicable: z.number().int(),
    shouldsMet: z.number().int(),
    shouldsApplicable: z.number().int(),
  })
  .meta({ id: 'ProfileReadiness' });

export const ProfileCriterionSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    guidance: z.string().nullable(),
    designation: z.enum(DESIGNATIONS).describe('For this member: must if any entity type says so'),
    byEntityType: z.array(
      z.object({ entityType: EntityTypeSchema, designation: z.enum(DESIGNATIONS) }),
    ),
    provisional: z.boolean(),
    answer: ProfileAnswerSchema.nullable(),
    met: z.boolean(),
    evidence: z
      .array(LinkedEvidenceSchema)
      .describe('The company’s evidence documents linked to the criterion (evidence library)'),
  })
  .meta({ id: 'ProfileCriterion' });
export type ProfileCriterion = z.infer<typeof ProfileCriterionSchema>;

export const ProfileSectionSchema = z
  .object({
    category: z.number().int(),
    name: z.string(),
    provisionalName: z.boolean(),
    assigneeUserId: z.uuid().nullable(),
    readiness: ReadinessSchema,
    criteria: z.array(ProfileCriterionSchema),
  })
  .meta({ id: 'ProfileSection' });
export type ProfileSection = z.infer<typeof ProfileSectionSchema>;

const CatalogChangeCriterionSchema = z.object({
  id: z.string(),
  category: z.number().int(),
  text: z.string(),
});

export const CatalogUpdateSchema = z
  .object({
    available: z.literal(true),
    versionId: z.uuid(),
    version: z.string(),
    added: z.array(CatalogChangeCriterionSchema),
    removed: z.array(CatalogChangeCriterionSchema.extend({ answered: z.boolean() })),
    changed: z.array(
      CatalogChangeCriterionSchema.extend({
        textChanged: z.boolean(),
        guidanceChanged: z.boolean(),
        designation: z.object({ from: z.enum(DESIGNATIONS), to: z.enum(DESIGNATIONS) }).nullable(),
      }),
    ),
  })
  .meta({ id: 'ProfileCatalogUpdate' });
export type CatalogUpdate = z.infer<typeof CatalogUpdateSchema>;

export const ProfilePersonSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  role: z.enum(ROLES),
});

export const SecurityProfileViewSchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    status: z.enum(PROFILE_STATUSES),
    cycle: z.enum(PROFILE_CYCLES),
    editable: z.boolean().describe('Draft or returned: answers can be saved'),
    catalogVersionId: z.uuid(),
    catalogVersion: z.string(),
    entityTypes: z.array(EntityTypeSchema),
    readiness: ReadinessSchema,
    sections: z.array(ProfileSectionSchema),
    catalogUpdate: CatalogUpdateSchema.nullable().describe(
      'A newer published catalog version that changes what this member answers, or null',
    ),
    people: z
      .array(ProfilePersonSchema)
      .describe('The company’s people: who may be responsible for a criterion or a section'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'SecurityProfile' });
export type SecurityProfileView = z.infer<typeof SecurityProfileViewSchema>;

export const ProfileCommentSchema = z
  .object({
    id: z.uuid(),
    criterionId: z.string(),
    authorUserId: z.uuid().nullable(),
    authorName: z.string().nullable(),
    body: z.string(),
    createdAt: z.iso.datetime(),
    /** CBP's remark when it returned this criterion in a review round; null for the company's. */
    reviewVersionId: z.uuid().nullable(),
  })
  .meta({ id: 'ProfileComment' });
export type ProfileComment = z.infer<typeof ProfileCommentSchema>;

export const ProfileCommentListSchema = z.object({ items: z.array(ProfileCommentSchema) });

/**
 * The answer as saved. A stale save answers 409 CONFLICT instead, with
 * `details: { path: 'body.expectedUpdatedAt', current: ProfileAnswer | null }`.
 */
export const SavedAnswerSchema = z
  .object({ criterionId: z.string(), answer: ProfileAnswerSchema })
  .meta({ id: 'SavedProfileAnswer' });
export type SavedAnswer = z.infer<typeof SavedAnswerSchema>;
