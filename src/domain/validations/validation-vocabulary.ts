/**
 * The words of validations and revalidations (issue 6; ctpat-program.md §3.5 and §6;
 * 6 U.S.C. 965 and 969; 6 U.S.C. 971 asks CBP for "a standardized work program" and records of
 * staff hours). Stored as text with CHECK constraints (validations.tables.ts); the web and the
 * documents translate them.
 */

/** Initial (within 1 year of Tier I certification), periodic revalidation, or for cause. */
export const VALIDATION_KINDS = ['initial', 'revalidation', 'for_cause'] as const;
export type ValidationKind = (typeof VALIDATION_KINDS)[number];

/** Virtual validations began in the COVID period and are meant to mirror on-site ones (§6). */
export const VALIDATION_MODES = ['in_person', 'virtual'] as const;
export type ValidationMode = (typeof VALIDATION_MODES)[number];

/**
 * A validation's life:
 * - planned: in the plan with a due date, maybe assigned, not yet scheduled;
 * - scheduled: dates, sites and participants set and the written notice sent;
 * - fieldwork: visits under way or done; the specialist records findings and hours;
 * - report_submitted: the specialist sent the report to a supervisory specialist;
 *   a return puts it back to fieldwork;
 * - report_issued: approved and sent to the member; required actions await responses;
 * - closed: outcome recorded (Tier II, Tier III, or the suspension path);
 * - cancelled: withdrawn before the report was issued, with a reason.
 */
export const VALIDATION_STATUSES = [
  'planned',
  'scheduled',
  'fieldwork',
  'report_submitted',
  'report_issued',
  'closed',
  'cancelled',
] as const;
export type ValidationStatus = (typeof VALIDATION_STATUSES)[number];

/** Statuses in which a validation is still open (one open validation per member at a time). */
export const OPEN_VALIDATION_STATUSES = [
  'planned',
  'scheduled',
  'fieldwork',
  'report_submitted',
  'report_issued',
] as const satisfies readonly ValidationStatus[];

/** Where a site is: a foreign site may be covered by an MRA partner program (§6). */
export const SITE_LOCATIONS = ['domestic', 'foreign'] as const;
export type SiteLocation = (typeof SITE_LOCATIONS)[number];

/** Who a participant speaks for. */
export const PARTICIPANT_SIDES = ['cbp', 'member'] as const;
export type ParticipantSide = (typeof PARTICIPANT_SIDES)[number];

/**
 * The standard work program's rating scale, the same for every specialist (issue 6, item 4;
 * ctpat-program.md §6): compliant; required action (a must-criterion not met); recommendation
 * (a should-criterion not met); best practice (exceeds the criterion; feeds Tier III).
 */
export const FINDING_RATINGS = [
  'compliant',
  'required_action',
  'recommendation',
  'best_practice',
] as const;
export type FindingRating = (typeof FINDING_RATINGS)[number];

/** The activities staff hours are recorded against (6 U.S.C. 971: hours per validation). */
export const VALIDATION_ACTIVITIES = [
  'planning',
  'document_review',
  'site_visit',
  'travel',
  'report_writing',
  'follow_up',
] as const;
export type ValidationActivity = (typeof VALIDATION_ACTIVITIES)[number];

/** What the report recommends and the closing records (a registry transition, issue 4). */
export const VALIDATION_OUTCOMES = ['meets', 'exceeds', 'suspension'] as const;
export type ValidationOutcome = (typeof VALIDATION_OUTCOMES)[number];

/** The specialist's decision on a member's response to a required action. */
export const RESPONSE_DECISIONS = ['accepted', 'returned'] as const;
export type ResponseDecision = (typeof RESPONSE_DECISIONS)[number];

/** Generated documents (item 3 and item 5), each stored with its inputs' versions. */
export const VALIDATION_DOCUMENT_KINDS = ['preparation_package', 'report'] as const;
export type ValidationDocumentKind = (typeof VALIDATION_DOCUMENT_KINDS)[number];

export const DOCUMENT_LANGUAGES = ['en', 'es'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];
