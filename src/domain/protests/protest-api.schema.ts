import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../api/pagination.schema.ts';
import { CBP_CENTER_CODES } from './cbp-centers.ts';
import { FURTHER_REVIEW_CRITERIA } from './further-review.ts';
import {
  AMENDMENT_TEXT_PARAMS,
  FILING_TIMELINESS_PARAMS,
  PROTEST_CLOCK_RULE_CODES,
  SET_ASIDE_REQUEST_TEXT_PARAMS,
} from './protest-texts.ts';
import {
  DRAWBACK_DECLARATIONS,
  PROTEST_DECISION_KINDS,
  PROTEST_FILER_CAPACITIES,
  PROTEST_STATUSES,
  PROTESTABLE_DECISIONS,
  PROTESTANT_TYPES,
} from './protest-vocabulary.ts';
import { SET_ASIDE_OUTCOMES } from './set-aside.ts';

/**
 * The protests API's responses and CBP-side requests (issue 7). Filing a protest is
 * protest.schema.ts (`FileProtestBodySchema`). Dates are `YYYY-MM-DD` calendar dates, instants
 * ISO date-times.
 */

export const PROTEST_CLOCK_NAMES = [
  'filing_window',
  'amendment',
  'accelerated_disposition_deemed_denial',
  'exclusion_deemed_denial',
  'further_review_decision',
  'review_target',
  'court_of_international_trade',
  'set_aside_request',
  'set_aside_deemed_denial',
  'void_denial_request',
] as const;

/**
 * The parameters of a coded text (protest-texts.ts): dates `YYYY-MM-DD`, numbers, and codes
 * (`trigger`, `closedDay`).
 */
const TextParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

const codesOf = <T extends Record<string, unknown>>(family: T) =>
  Object.keys(family) as [Extract<keyof T, string>, ...Extract<keyof T, string>[]];

/** One clock as shown: the rule, nominal and effective last day, and days left from today. */
export const ProtestClockViewSchema = z.object({
  name: z.enum(PROTEST_CLOCK_NAMES),
  /** For per-entry clocks (filing window), the entry; null otherwise. */
  entryNumber: z.string().nullable(),
  nominal: z.iso.date(),
  effective: z.iso.date(),
  rolled: z.boolean(),
  kind: z.enum(['deadline', 'deemed_denial', 'target']),
  party: z.enum(['protestant', 'cbp']),
  citation: z.string(),
  /** The rule in English; `code` with `params` is the same rule, for translation. */
  text: z.string(),
  code: z.enum(PROTEST_CLOCK_RULE_CODES),
  params: TextParamsSchema,
  provisional: z.boolean(),
  /** Days from today to `effective` (negative once passed). */
  daysLeft: z.number().int(),
});
export type ProtestClockView = z.infer<typeof ProtestClockViewSchema>;

/**
 * The CTPAT Trade Compliance indicator (COAC benefit 3): derived from the registry at filing by
 * the protestant's importer number, never typed; the snapshot stays with the protest, and the
 * member's status now is shown beside it when it changed.
 */
export const TradeComplianceIndicatorSchema = z.object({
  verified: z.boolean().describe('At filing: the importer number belongs to an active TC member'),
  memberOrganisationId: z.uuid().nullable(),
  memberName: z.string().nullable(),
  statusAtFiling: z.string().nullable(),
  checkedAt: z.iso.datetime(),
  /** The member's Trade Compliance status today (null: no member or never held it). */
  statusNow: z.string().nullable(),
  changedSinceFiling: z.boolean(),
});
export type TradeComplianceIndicator = z.infer<typeof TradeComplianceIndicatorSchema>;

export const ProtestEntryViewSchema = z.object({
  entryNumber: z.string(),
  entryDate: z.iso.date(),
  dateKind: z.string(),
  liquidationOrDecisionDate: z.iso.date(),
  lead: z.boolean(),
  timely: z.boolean(),
  /**
   * In English; `timelinessCode` with `timelinessParams` is the same, for translation (null:
   * a stored record the code could not be worked out for; show the English reason).
   */
  timelinessReason: z.string(),
  timelinessCode: z.enum(codesOf(FILING_TIMELINESS_PARAMS)).nullable(),
  timelinessParams: TextParamsSchema,
});

export const ProtestAttachmentViewSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['details_spreadsheet', 'supporting_document']),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.iso.datetime(),
  /** Details spreadsheet: how many rows were accepted. */
  rows: z.number().int().nullable(),
});

export const ProtestEventViewSchema = z.object({
  kind: z.string(),
  at: z.iso.datetime(),
  actorName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const ProtestDecisionViewSchema = z.object({
  kind: z.enum(PROTEST_DECISION_KINDS),
  reasons: z.string().nullable(),
  decidedOn: z.iso.date(),
  decidedByName: z.string().nullable(),
  denialNoticeMailedOn: z.iso.date().nullable(),
  refundDue: z.boolean().nullable(),
  published: z.boolean().nullable(),
});

/**
 * The request to set aside the denial of further review (19 U.S.C. 1515(c)) and the
 * Commissioner's outcome: granted, denied, or deemed denied 60 days after the request.
 */
export const ProtestSetAsideViewSchema = z.object({
  requestedOn: z.iso.date(),
  requestedByName: z.string().nullable(),
  reasons: z.string(),
  /** The day the request is (or was) considered denied if the Commissioner does not act. */
  deemedDeniedOn: z.iso.date(),
  outcome: z.enum(SET_ASIDE_OUTCOMES).nullable(),
  decidedOn: z.iso.date().nullable(),
  decisionReasons: z.string().nullable(),
  decidedByName: z.string().nullable(),
});
export type ProtestSetAsideView = z.infer<typeof ProtestSetAsideViewSchema>;

const PersonSchema = z.object({ userId: z.uuid(), displayName: z.string() });

/** A row of a protest list (the member's list, CBP's queue). */
export const ProtestSummarySchema = z
  .object({
    id: z.uuid(),
    protestNumber: z.string(),
    status: z.enum(PROTEST_STATUSES),
    protestantName: z.string(),
    importerNumber: z.string(),
    center: z.enum(CBP_CENTER_CODES),
    filedOn: z.iso.date(),
    timely: z.boolean(),
    leadEntryNumber: z.string(),
    entries: z.number().int(),
    tradeCompliance: z.boolean().describe('Verified CTPAT Trade Compliance at filing'),
    /** 0: a deemed-denial clock runs; 1: Trade Compliance member; 2: others (queue order). */
    priorityRank: z.number().int().min(0).max(2),
    priorityDate: z.iso.date(),
    /** The next clock to act on (the earliest effective date still ahead), if any. */
    nextClock: ProtestClockViewSchema.nullable(),
    assignedReviewer: PersonSchema.nullable(),
    decision: z.enum(PROTEST_DECISION_KINDS).nullable(),
  })
  .meta({ id: 'ProtestSummary' });
export type ProtestSummary = z.infer<typeof ProtestSummarySchema>;

export const ProtestPageSchema = pageOf(ProtestSummarySchema).meta({ id: 'ProtestPage' });

/** One protest, as its filer and CBP read it. */
export const ProtestViewSchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    protestNumber: z.string(),
    recorded: z.boolean(),
    status: z.enum(PROTEST_STATUSES),
    portCode: z.string(),
    center: z.enum(CBP_CENTER_CODES),
    centerName: z.string(),
    protestant: z.object({ name: z.string(), address: z.string() }),
    protestantType: z.enum(PROTESTANT_TYPES),
    importerNumber: z.string(),
    filer: z.object({
      name: z.string(),
      address: z.string(),
      capacity: z.enum(PROTEST_FILER_CAPACITIES),
      importerNumber: z.string().nullable(),
    }),
    entries: z.array(ProtestEntryViewSchema),
    decisionsProtested: z.array(z.enum(PROTESTABLE_DECISIONS)),
    categories: z.array(
      z.object({
        category: z.string(),
        description: z.string(),
        objections: z.array(
          z.object({
            decision: z.enum(PROTESTABLE_DECISIONS),
            objection: z.string(),
            justification: z.string(),
          }),
        ),
      }),
    ),
    relatedProtest: z.object({ protestNumber: z.string(), receivedOn: z.iso.date() }).nullable(),
    suretyNonCollusionStatement: z.string().nullable(),
    drawbackDeclaration: z.enum(DRAWBACK_DECLARATIONS),
    furtherReview: z
      .object({ criterion: z.enum(FURTHER_REVIEW_CRITERIA), reason: z.string() })
      .nullable(),
    filedOn: z.iso.date(),
    filedAt: z.iso.datetime(),
    filedByName: z.string().nullable(),
    timely: z.boolean(),
    untimelyReason: z.string().nullable(),
    tradeCompliance: TradeComplianceIndicatorSchema,
    acceleratedDispositionMailedOn: z.iso.date().nullable(),
    clocks: z.array(ProtestClockViewSchema),
    /** `reason` in English; `code` with `params` the same, for translation. */
    amendment: z.object({
      allowed: z.boolean(),
      reason: z.string(),
      code: z.enum(codesOf(AMENDMENT_TEXT_PARAMS)),
      params: TextParamsSchema,
    }),
    /**
     * Whether the protestant may ask today for the denial of further review to be set aside;
     * when not, why (`reason` in English, `code` with `params` for translation; null code and
     * empty reason when allowed).
     */
    setAsideRequest: z.object({
      allowed: z.boolean(),
      reason: z.string(),
      code: z.enum(codesOf(SET_ASIDE_REQUEST_TEXT_PARAMS)).nullable(),
      params: TextParamsSchema,
    }),
    setAside: ProtestSetAsideViewSchema.nullable(),
    assignedReviewer: PersonSchema.nullable(),
    decision: ProtestDecisionViewSchema.nullable(),
    attachments: z.array(ProtestAttachmentViewSchema),
    events: z.array(ProtestEventViewSchema),
    version: z.number().int(),
  })
  .meta({ id: 'Protest' });
export type ProtestView = z.infer<typeof ProtestViewSchema>;

export const ProtestIdParamsSchema = z.object({ protestId: z.uuid() });

export const DENIAL_NOTICE_LANGUAGES = ['en', 'es'] as const;
export type DenialNoticeLanguage = (typeof DENIAL_NOTICE_LANGUAGES)[number];

/** The denial notice PDF: its language, as the profile exports take it. */
export const DenialNoticeQuerySchema = z.object({
  lang: z
    .enum(DENIAL_NOTICE_LANGUAGES, { error: 'must be en or es' })
    .optional()
    .describe(
      'The language of the notice’s own text (the reviewer’s reasons stay as written); default: your preferred language, else English',
    ),
});
export type DenialNoticeQuery = z.infer<typeof DenialNoticeQuerySchema>;

/** The member's own list. */
export const OwnProtestsQuerySchema = PageQuerySchema.extend({
  status: z.enum(PROTEST_STATUSES).optional(),
  q: z.string().trim().min(1).max(100).optional().describe('Protest, entry or importer number'),
});

/** CBP's review queue, in the documented priority order (ADR 0027). */
export const ProtestQueueQuerySchema = PageQuerySchema.extend({
  center: z.enum(CBP_CENTER_CODES).optional(),
  reviewer: z
    .union([z.literal('me'), z.literal('unassigned'), z.uuid()])
    .optional()
    .describe('me, unassigned, or a reviewer’s user id'),
  status: z.enum(PROTEST_STATUSES).optional().describe('Default: every open status'),
  tradeCompliance: z.enum(['true', 'false']).optional(),
  q: z.string().trim().min(1).max(100).optional().describe('Protest, entry or importer number'),
});
export type ProtestQueueQuery = z.infer<typeof ProtestQueueQuerySchema>;

export const AssignProtestBodySchema = z
  .object({ reviewerUserId: z.uuid().nullable(), expectedVersion: z.number().int().optional() })
  .strict();

export const BulkAssignProtestsBodySchema = z
  .object({
    protestIds: z.array(z.uuid()).min(1).max(500),
    reviewerUserId: z.uuid().nullable(),
    /** The count the reviewer confirmed: refused when it differs (nothing changes). */
    expectedCount: z.number().int().min(1),
  })
  .strict();

export const DecideProtestBodySchema = z
  .object({
    decision: z.enum(['allowed', 'allowed_in_part', 'denied', 'denied_in_part']),
    reasons: z.string().trim().max(20_000).optional(),
    refundDue: z.boolean(),
    publish: z.boolean(),
    /** The day the denial notice is mailed (default today); the court's 180 days run from it. */
    denialNoticeMailedOn: z.iso.date().optional(),
    expectedVersion: z.number().int(),
  })
  .strict();
export type DecideProtestBody = z.infer<typeof DecideProtestBodySchema>;

export const AcceleratedDispositionBodySchema = z
  .object({ mailedOn: z.iso.date().describe('The day the request was mailed (1515(b))') })
  .strict();

/** The Commissioner's action on a set-aside request (19 U.S.C. 1515(c)); reasons for a denial. */
export const SetAsideDecisionBodySchema = z
  .object({
    decision: z.enum(['granted', 'denied']),
    reasons: z.string().trim().max(20_000).optional(),
    expectedVersion: z
      .number()
      .int()
      .optional()
      .describe('The version read: refused (409) when the protest changed since'),
  })
  .strict();
export type SetAsideDecisionBody = z.infer<typeof SetAsideDecisionBodySchema>;

export const FurtherReviewDecisionBodySchema = z
  .object({
    decision: z.enum(['approved', 'denied']),
    reasons: z.string().trim().max(20_000).optional(),
    expectedVersion: z.number().int(),
  })
  .strict();
