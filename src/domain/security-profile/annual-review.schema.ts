import { z } from 'zod';
import { PROFILE_STATUSES } from './profile-vocabulary.ts';

/**
 * The annual review API (issue 5, item 6): where the company stands against its anniversary,
 * whether it may start the cycle, and how far the cycle is.
 */

export const ANNUAL_REVIEW_PHASES = ['upcoming', 'open', 'late'] as const;

/** Why a company cannot start its annual review now (none when it can). */
export const ANNUAL_REVIEW_BLOCKERS = [
  'not_certified',
  'no_approved_profile',
  'profile_open',
  'window_not_open',
  'already_started',
] as const;
export type AnnualReviewBlocker = (typeof ANNUAL_REVIEW_BLOCKERS)[number];

export const AnnualReviewCycleSchema = z.object({
  profileId: z.uuid(),
  status: z.enum(PROFILE_STATUSES),
  anniversary: z.iso.date(),
  windowOpens: z.iso.date(),
  windowCloses: z.iso.date(),
  basedOnVersionId: z.uuid().nullable(),
  /** Carried over from the approved version and not confirmed yet. */
  toReconfirm: z.number().int(),
  /** Confirmed or changed inside the window: these count. */
  confirmedInWindow: z.number().int(),
  /** Confirmed or changed outside the window: kept, but they do not count as this year's review. */
  confirmedOutsideWindow: z.array(z.string()),
  /** Null until submitted; then whether the first submission came after the anniversary. */
  submittedLate: z.boolean().nullable(),
  /** Past the anniversary without a submission. */
  overdue: z.boolean(),
});
export type AnnualReviewCycle = z.infer<typeof AnnualReviewCycleSchema>;

export const AnnualReviewStatusSchema = z
  .object({
    organisationId: z.uuid(),
    certifiedOn: z.iso.date().nullable(),
    /** The anniversary in question today; null before certification. */
    anniversary: z.iso.date().nullable(),
    windowOpens: z.iso.date().nullable(),
    windowCloses: z.iso.date().nullable(),
    phase: z.enum(ANNUAL_REVIEW_PHASES).nullable(),
    daysToAnniversary: z.number().int().nullable(),
    citation: z.string(),
    rule: z.string(),
    provisional: z.boolean(),
    canStart: z.boolean(),
    blocker: z.enum(ANNUAL_REVIEW_BLOCKERS).nullable(),
    /** The latest annual review cycle, if any. */
    cycle: AnnualReviewCycleSchema.nullable(),
  })
  .meta({ id: 'AnnualReviewStatus' });
export type AnnualReviewStatus = z.infer<typeof AnnualReviewStatusSchema>;

/** Frozen with a submitted annual-review version (ProfileSnapshot.annualReview). */
export const SnapshotAnnualReviewSchema = z.object({
  anniversary: z.iso.date(),
  windowOpens: z.iso.date(),
  windowCloses: z.iso.date(),
  basedOnVersionId: z.uuid().nullable(),
  submittedLate: z.boolean(),
  confirmedOutsideWindow: z.array(z.string()),
});
export type SnapshotAnnualReview = z.infer<typeof SnapshotAnnualReviewSchema>;
