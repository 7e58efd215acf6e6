/**
 * The Security Profile (issue 5, item 3): per applicable criterion the member records how it
 * meets it. Source: ../shared/domain/ctpat-program.md §3.1–3.3 (the Portal's security profile)
 * and ../shared/design/product.md ("Security Profile", "Evidence library").
 */

/** What the member says about one criterion. */
export const ANSWER_STATUSES = [
  'implemented',
  'partially_implemented',
  'not_implemented',
  'not_applicable',
] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

/**
 * Why a profile exists: the application's initial profile, or an annual review cycle started
 * from the last approved version (ctpat-program.md §3.3).
 */
export const PROFILE_CYCLES = ['initial', 'annual_review'] as const;
export type ProfileCycle = (typeof PROFILE_CYCLES)[number];

/**
 * The working profile's state: members edit a draft; the officer submits it (a version is
 * frozen); CBP returns it with comments (editable again) or approves it.
 */
export const PROFILE_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ProfileStatus = (typeof PROFILE_STATUSES)[number];

/** A specialist's decision on one criterion of a submitted version. */
export const CRITERION_REVIEW_DECISIONS = ['approved', 'returned'] as const;
export type CriterionReviewDecision = (typeof CRITERION_REVIEW_DECISIONS)[number];
