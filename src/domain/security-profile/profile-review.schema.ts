import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../api/pagination.schema.ts';
import { DESIGNATIONS } from '../criteria/catalog.schema.ts';
import { SnapshotAnnualReviewSchema } from './annual-review.schema.ts';
import { ATTESTATION_LANGUAGES } from './profile-attestation.ts';
import {
  ANSWER_STATUSES,
  CRITERION_REVIEW_DECISIONS,
  PROFILE_STATUSES,
} from './profile-vocabulary.ts';

/**
 * Submission and review of the Security Profile (issue 5, item 5): the officer's submission, the
 * frozen snapshot of a version, CBP's per-criterion review and decision, and the history of
 * rounds members and CBP read.
 */

export const VERSION_STATUSES = ['submitted', 'returned', 'approved'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

// ---------------------------------------------------------------------------------------------
// Submission

export const SubmitProfileBodySchema = z
  .object({
    attestation: z
      .literal(true, { message: 'the officer must attest to the profile to submit it' })
      .describe('The company officer attests to the statement shown (profile-attestation.ts)'),
    language: z
      .enum(ATTESTATION_LANGUAGES)
      .optional()
      .describe('The language the statement was shown in; default: your preferred language'),
    expectedAnswersVersion: z
      .string()
      .max(100)
      .optional()
      .describe(
        'answersVersion from GET /profile/submission: refused (409) when the answers changed ' +
          'since the officer read them',
      ),
  })
  .meta({ id: 'SubmitProfileBody' });
export type SubmitProfileBody = z.infer<typeof SubmitProfileBodySchema>;

const CountShape = {
  answered: z.number().int(),
  applicable: z.number().int(),
  mustsMet: z.number().int(),
  mustsApplicable: z.number().int(),
  shouldsMet: z.number().int(),
  shouldsApplicable: z.number().int(),
};

/** Readiness (readiness.ts) per category, and every must that blocks submission. */
export const SubmissionReadinessSchema = z
  .object({
    ...CountShape,
    byCategory: z.array(z.object({ category: z.number().int(), ...CountShape })),
    missing: z.array(
      z.object({
        criterionId: z.string(),
        category: z.number().int(),
        reason: z.enum(['unanswered', 'to_reconfirm', 'not_applicable_unjustified']),
      }),
    ),
    ready: z.boolean(),
  })
  .meta({ id: 'ProfileSubmissionReadiness' });
export type SubmissionReadiness = z.infer<typeof SubmissionReadinessSchema>;

/** What the officer sees before submitting: readiness, what is missing, the statement. */
export const SubmissionOverviewSchema = z
  .object({
    profileId: z.uuid().nullable().describe('Null: the company has not started a profile'),
    status: z.enum(PROFILE_STATUSES).nullable(),
    submittable: z.boolean().describe('The profile is a draft or was returned'),
    readiness: SubmissionReadinessSchema.nullable(),
    answersVersion: z.string().nullable().describe('Pass back as expectedAnswersVersion'),
    attestation: z.object({ en: z.string(), es: z.string() }),
    lastVersionId: z.uuid().nullable(),
  })
  .meta({ id: 'ProfileSubmissionOverview' });
export type SubmissionOverview = z.infer<typeof SubmissionOverviewSchema>;

// ---------------------------------------------------------------------------------------------
// The frozen snapshot

export const SnapshotEvidenceSchema = z.object({
  evidenceId: z.string(),
  title: z.string(),
  originalFilename: z.string().nullable(),
  sha256: z.string().nullable(),
  expiresOn: z.string().nullable(),
});

export const SnapshotAnswerSchema = z.object({
  status: z.enum(ANSWER_STATUSES).nullable(),
  narrative: z.string(),
  responsibleUserId: z.string().nullable(),
  toReconfirm: z.boolean(),
  updatedAt: z.string(),
});
export type SnapshotAnswer = z.infer<typeof SnapshotAnswerSchema>;

export const SnapshotCriterionSchema = z.object({
  id: z.string(),
  category: z.number().int(),
  designation: z.enum(DESIGNATIONS),
  provisional: z.boolean(),
  text: z.string(),
  guidance: z.string().nullable(),
  answer: SnapshotAnswerSchema.nullable(),
  evidence: z.array(SnapshotEvidenceSchema),
});
export type SnapshotCriterion = z.infer<typeof SnapshotCriterionSchema>;

/**
 * security_profile_versions.snapshot: what was submitted, frozen (format 1): the applicable
 * criteria's texts and designations, the answers, the evidence linked, the readiness.
 */
export const ProfileSnapshotSchema = z
  .object({
    format: z.literal(1),
    catalog: z.object({ versionId: z.string(), version: z.string() }),
    entityTypes: z.array(z.string()),
    criteria: z.array(SnapshotCriterionSchema),
    readiness: SubmissionReadinessSchema,
    /** Annual review cycles only: the window and what was confirmed outside it. */
    annualReview: SnapshotAnnualReviewSchema.optional(),
  })
  .meta({ id: 'ProfileSnapshot' });
export type ProfileSnapshot = z.infer<typeof ProfileSnapshotSchema>;

// ---------------------------------------------------------------------------------------------
// Reviews and versions

export const CriterionReviewSchema = z
  .object({
    criterionId: z.string(),
    decision: z.enum(CRITERION_REVIEW_DECISIONS),
    comment: z.string().nullable(),
    reviewerUserId: z.uuid().nullable(),
    reviewerName: z.string().nullable(),
    reviewedAt: z.iso.datetime(),
  })
  .meta({ id: 'CriterionReview' });
export type CriterionReview = z.infer<typeof CriterionReviewSchema>;

export const ANSWER_CHANGE_FIELDS = ['status', 'narrative', 'responsible', 'evidence'] as const;
export type AnswerChangeField = (typeof ANSWER_CHANGE_FIELDS)[number];

export const CriterionChangeSchema = z.object({
  criterionId: z.string(),
  kind: z.enum(['added', 'removed', 'changed']),
  fields: z.array(z.enum(ANSWER_CHANGE_FIELDS)),
});
export type CriterionChange = z.infer<typeof CriterionChangeSchema>;

export const VersionChangesSchema = z
  .object({
    previousVersionId: z.uuid(),
    previousNumber: z.number().int(),
    criteria: z.array(CriterionChangeSchema),
    /** What CBP returned last round, to check each was answered. */
    previouslyReturned: z.array(z.object({ criterionId: z.string(), comment: z.string() })),
  })
  .meta({ id: 'ProfileVersionChanges' });
export type VersionChanges = z.infer<typeof VersionChangesSchema>;

export const ProfileVersionSchema = z
  .object({
    id: z.uuid(),
    profileId: z.uuid(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    number: z.number().int(),
    status: z.enum(VERSION_STATUSES),
    submittedAt: z.iso.datetime(),
    submittedByUserId: z.uuid().nullable(),
    submittedByName: z.string().nullable(),
    attestation: z.string(),
    decidedAt: z.iso.datetime().nullable(),
    decidedByUserId: z.uuid().nullable(),
    snapshot: ProfileSnapshotSchema,
    /** CBP's per-criterion decisions (members see them once the round is decided). */
    reviews: z.array(CriterionReviewSchema),
    changes: VersionChangesSchema.nullable().describe('Null for the first round'),
    sinceLastYear: VersionChangesSchema.nullable().describe(
      'Annual review cycles: what changed against the approved version the cycle started from',
    ),
  })
  .meta({ id: 'ProfileVersion' });
export type ProfileVersion = z.infer<typeof ProfileVersionSchema>;

export const VersionRoundSchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    status: z.enum(VERSION_STATUSES),
    submittedAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().nullable(),
    returned: z.array(z.object({ criterionId: z.string(), comment: z.string() })),
  })
  .meta({ id: 'ProfileVersionRound' });
export type VersionRound = z.infer<typeof VersionRoundSchema>;

export const VersionRoundListSchema = z
  .object({ items: z.array(VersionRoundSchema) })
  .meta({ id: 'ProfileVersionRounds' });
export type VersionRoundList = z.infer<typeof VersionRoundListSchema>;

export const VersionIdParamsSchema = z.object({ versionId: z.uuid() });
export const CriterionReviewParamsSchema = z.object({
  versionId: z.uuid(),
  criterionId: z.string().min(1).max(20),
});

export const ReviewCriterionBodySchema = z
  .object({
    decision: z.enum(CRITERION_REVIEW_DECISIONS),
    comment: z.string().trim().max(4000).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.decision === 'returned' && !body.comment) {
      ctx.addIssue({
        code: 'custom',
        path: ['comment'],
        message: 'say what the member must answer or fix when returning a criterion',
      });
    }
  })
  .meta({ id: 'ReviewCriterionBody' });
export type ReviewCriterionBody = z.infer<typeof ReviewCriterionBodySchema>;

export const VERSION_OUTCOMES = ['returned', 'approved'] as const;
export const DecideVersionBodySchema = z
  .object({ outcome: z.enum(VERSION_OUTCOMES) })
  .meta({ id: 'DecideProfileVersionBody' });
export type DecideVersionBody = z.infer<typeof DecideVersionBodySchema>;

// ---------------------------------------------------------------------------------------------
// CBP review queue

const QueryFlag = z.enum(['true', 'false']);

export const ReviewQueueQuerySchema = PageQuerySchema.extend({
  mine: QueryFlag.optional().describe('true: only members assigned to you'),
  officeId: z.uuid().optional().describe("Only members of this CBP office's specialists"),
});
export type ReviewQueueQuery = z.infer<typeof ReviewQueueQuerySchema>;

export const ReviewQueueItemSchema = z
  .object({
    versionId: z.uuid(),
    number: z.number().int(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    submittedAt: z.iso.datetime(),
    assignedSpecialistUserId: z.uuid().nullable(),
    assignedSpecialistName: z.string().nullable(),
    cbpOfficeId: z.uuid().nullable(),
    reviewedCount: z.number().int(),
  })
  .meta({ id: 'ProfileReviewQueueItem' });
export type ReviewQueueItem = z.infer<typeof ReviewQueueItemSchema>;

export const ReviewQueuePageSchema = pageOf(ReviewQueueItemSchema).meta({
  id: 'ProfileReviewQueuePage',
});
export type ReviewQueuePage = z.infer<typeof ReviewQueuePageSchema>;
