import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../api/pagination.schema.ts';
import { EntityTypeSchema } from '../organisations/organisation.schema.ts';
import { IDENTIFIER_KINDS } from './identifiers/identifier-kinds.ts';
import { MEMBERSHIP_STATUSES, REVIEW_STEPS } from './lifecycle/membership-states.ts';
import {
  MEMBERSHIP_CLOCK_NAMES,
  MembershipTransitionSchema,
  TierSchema,
} from './registry.schema.ts';

/**
 * The CBP workspace over every member (issue 4, items 7 and 10): the queue's filters and sort
 * orders, its rows, bulk transitions with their confirmation count, and the export.
 */

/**
 * The queue's orders, each ascending with the organisation id as tie-breaker (a stable keyset):
 * by legal name; by the date the application was submitted, oldest first (the order applications
 * are worked in), members that never submitted last; by the date the current status began,
 * longest-waiting first.
 */
export const MEMBER_SORTS = ['name', 'submitted', 'status_since'] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];

/** `true`/`false` in a query string (a shortcut flag). */
const QueryFlag = z.enum(['true', 'false']);

const filterShape = {
  state: z.enum(MEMBERSHIP_STATUSES).optional(),
  entityType: EntityTypeSchema.optional(),
  q: z.string().trim().min(1).max(200).optional().describe('Part of the legal name'),
  identifier: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe(
      'An identifier (importer number, SCAC, DUNS, ...), matched exactly on its canonical ' +
        'spelling: every kind that accepts the value, or only identifierKind',
    ),
  identifierKind: z
    .enum(IDENTIFIER_KINDS)
    .optional()
    .describe('With identifier: match only identifiers of this kind'),
  tier: TierSchema.optional(),
  reviewStep: z.enum(REVIEW_STEPS).optional().describe('Under review: only this step'),
  assignedSpecialistUserId: z.uuid().optional(),
  mine: QueryFlag.optional().describe('true: only members assigned to you (a specialist)'),
  unassigned: QueryFlag.optional().describe('true: only members without a specialist'),
  cbpOfficeId: z.uuid().optional().describe('The CBP office of the assigned specialist'),
  suspensionRisk: QueryFlag.optional().describe(
    'true: only members with required actions of a validation report unanswered past the ' +
      'response deadline (issue 6: their suspension risk)',
  ),
};

function oneSpecialistFilter(
  filter: {
    assignedSpecialistUserId?: string | undefined;
    mine?: string | undefined;
    unassigned?: string | undefined;
    identifier?: string | undefined;
    identifierKind?: string | undefined;
  },
  ctx: z.RefinementCtx,
) {
  const specialist = [
    filter.assignedSpecialistUserId !== undefined,
    filter.mine === 'true',
    filter.unassigned === 'true',
  ].filter(Boolean).length;
  if (specialist > 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['assignedSpecialistUserId'],
      message: 'give one of assignedSpecialistUserId, mine=true or unassigned=true',
    });
  }
  if (filter.identifierKind !== undefined && filter.identifier === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['identifier'],
      message: 'is required with identifierKind',
    });
  }
}

export const MemberFilterSchema = z.object(filterShape).superRefine(oneSpecialistFilter);
export type MemberFilter = z.infer<typeof MemberFilterSchema>;

export const MemberListQuerySchema = PageQuerySchema.extend({
  sort: z.enum(MEMBER_SORTS).default('name'),
  ...filterShape,
}).superRefine(oneSpecialistFilter);
export type MemberListQuery = z.infer<typeof MemberListQuerySchema>;

export const MemberSummarySchema = z
  .object({
    organisationId: z.uuid(),
    legalName: z.string(),
    countryCode: z.string(),
    status: z.enum(MEMBERSHIP_STATUSES),
    statusSince: z.iso.date(),
    reviewStep: z.enum(REVIEW_STEPS).nullable(),
    tier: TierSchema.nullable(),
    entityTypes: z.array(EntityTypeSchema),
    assignedSpecialistUserId: z.uuid().nullable(),
    assignedSpecialistName: z.string().nullable(),
    cbpOfficeId: z.uuid().nullable(),
    cbpOfficeName: z.string().nullable(),
    applicationSubmittedOn: z.iso.date().nullable(),
    certifiedOn: z.iso.date().nullable(),
    certificationTarget: z
      .object({ due: z.iso.date(), daysLeft: z.number().int() })
      .nullable()
      .describe(
        'Applicants and members under review: the 90-day certification target (6 U.S.C. ' +
          '964(c)) and the days left until it (negative once passed)',
      ),
    nextClock: z
      .object({
        name: z.enum(MEMBERSHIP_CLOCK_NAMES),
        due: z.iso.date(),
        daysLeft: z.number().int(),
      })
      .nullable()
      .describe('The running clock that falls due first'),
    overdueRequiredActions: z
      .number()
      .int()
      .describe(
        'Required actions of an issued validation report the member has not answered by the ' +
          'response deadline (issue 6): above 0, the member is at risk of suspension',
      ),
  })
  .meta({ id: 'MemberSummary' });
export type MemberSummary = z.infer<typeof MemberSummarySchema>;

export const MemberPageSchema = pageOf(MemberSummarySchema);
export type MemberPage = z.infer<typeof MemberPageSchema>;

/** The most members one bulk action moves: a page of the queue several times over. */
export const BULK_TRANSITION_MAX = 200;

export const BulkTransitionBodySchema = z
  .object({
    organisationIds: z
      .array(z.uuid())
      .min(1)
      .max(BULK_TRANSITION_MAX)
      .refine((ids) => new Set(ids).size === ids.length, 'lists the same member twice'),
    transition: MembershipTransitionSchema,
    specialistUserId: z.uuid().optional().describe('assign_specialist: the SCSS to assign'),
    reason: z.string().trim().min(1).max(2000).optional(),
    expectedCount: z
      .number()
      .int()
      .min(1)
      .describe(
        'How many members the person confirmed ("Assign 12 members to …?"): must equal the ' +
          'length of organisationIds',
      ),
  })
  .superRefine((body, ctx) => {
    if (body.expectedCount !== body.organisationIds.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['expectedCount'],
        message: `is ${body.expectedCount} but ${body.organisationIds.length} members are listed: confirm the selection again`,
      });
    }
  });
export type BulkTransitionBody = z.infer<typeof BulkTransitionBodySchema>;

export const BulkTransitionResultSchema = z
  .object({
    transition: MembershipTransitionSchema,
    applied: z.array(z.object({ organisationId: z.uuid(), legalName: z.string() })),
  })
  .meta({ id: 'BulkTransitionResult' });
export type BulkTransitionResult = z.infer<typeof BulkTransitionResultSchema>;

/** One member a bulk action could not move, in `error.details.refused` (nothing was written). */
export interface BulkTransitionRefusal {
  organisationId: string;
  legalName: string;
  code: string;
  message: string;
}

/** The most rows one export carries; narrow the filters to export more. */
export const MEMBER_EXPORT_MAX_ROWS = 100_000;
export const MEMBER_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type MemberExportFormat = (typeof MEMBER_EXPORT_FORMATS)[number];

export const MemberExportQuerySchema = z
  .object({
    format: z.enum(MEMBER_EXPORT_FORMATS).default('csv'),
    sort: z.enum(MEMBER_SORTS).default('name'),
    ...filterShape,
  })
  .superRefine(oneSpecialistFilter);
export type MemberExportQuery = z.infer<typeof MemberExportQuerySchema>;

/** The export's columns, in order (their headers are the English labels beside them). */
export const MEMBER_EXPORT_COLUMNS = [
  ['legalName', 'Legal name'],
  ['status', 'Status'],
  ['tier', 'Tier'],
  ['entityTypes', 'Entity types'],
  ['identifiers', 'Identifiers'],
  ['specialist', 'Specialist'],
  ['office', 'CBP office'],
  ['submitted', 'Application submitted'],
  ['certified', 'Certified'],
  ['validated', 'Validated'],
  ['nextClock', 'Next clock'],
  ['nextClockDue', 'Next clock due'],
] as const;
export type MemberExportColumn = (typeof MEMBER_EXPORT_COLUMNS)[number][0];

export const SpecialistSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  role: z.enum(['scss', 'supervisory_scss']),
  officeId: z.uuid(),
  officeName: z.string(),
});
export const SpecialistListSchema = z
  .object({ items: z.array(SpecialistSchema) })
  .meta({ id: 'SpecialistList' });
export type SpecialistList = z.infer<typeof SpecialistListSchema>;
