import { z } from 'zod';
import { CRITERION_ID, DESIGNATIONS } from '../criteria/catalog.schema.ts';
import { LinkedEvidenceSchema } from '../evidence/evidence.schema.ts';
import { ANSWER_STATUSES } from '../security-profile/profile-vocabulary.ts';
import {
  DOCUMENT_LANGUAGES,
  FINDING_RATINGS,
  SITE_LOCATIONS,
  VALIDATION_ACTIVITIES,
  VALIDATION_OUTCOMES,
  VALIDATION_STATUSES,
} from './validation-vocabulary.ts';
import { WORK_PROGRAM_STEPS } from './work-program.ts';

/**
 * The work program, findings, staff hours and report of a validation (issue 6, items 4 and 5;
 * 6 U.S.C. 971: a standardized work program and records of staff hours). CBP reads and records
 * under `/cbp/validations/:id/...`; the member reads the issued report under
 * `/validations/:id/report`. Dates are `YYYY-MM-DD`, instants ISO date-times.
 */

export const NOTES_MAX_CHARS = 8_000;
export const SUMMARY_MAX_CHARS = 20_000;
/** One entry is at most a day: the table's CHECK (minutes 1–1440). */
export const MAX_MINUTES_PER_ENTRY = 1_440;

export const ValidationIdParamsSchema = z.object({ id: z.uuid() });
export const FindingParamsSchema = z.object({ id: z.uuid(), findingId: z.uuid() });
export const HoursParamsSchema = z.object({ id: z.uuid(), hoursId: z.uuid() });

const PersonSchema = z.object({ id: z.uuid(), name: z.string() });

export const FindingSchema = z
  .object({
    id: z.uuid(),
    criterionId: z.string(),
    /** The site, or null: the finding is for the whole validation. */
    siteId: z.uuid().nullable(),
    rating: z.enum(FINDING_RATINGS),
    notes: z.string(),
    evidenceSeen: z.string(),
    evidenceIds: z.array(z.uuid()),
    recordedBy: PersonSchema.nullable(),
    version: z.number().int(),
    recordedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ValidationFinding' });
export type Finding = z.infer<typeof FindingSchema>;

export const RatingCountsSchema = z.object({
  compliant: z.number().int(),
  required_action: z.number().int(),
  recommendation: z.number().int(),
  best_practice: z.number().int(),
});

export const ReportReadinessSchema = z
  .object({
    ready: z.boolean(),
    missing: z.array(z.string()).describe('Applicable criteria with no finding yet'),
    rated: z.number().int(),
    applicable: z.number().int(),
    counts: RatingCountsSchema,
  })
  .meta({ id: 'ValidationReportReadiness' });

export const WorkProgramCriterionSchema = z.object({
  id: z.string(),
  category: z.number().int(),
  text: z.string(),
  guidance: z.string().nullable(),
  designation: z.enum(DESIGNATIONS),
  provisional: z.boolean(),
  /** The ratings that fit the designation (work-program.ts). */
  ratings: z.array(z.enum(FINDING_RATINGS)),
  answer: z
    .object({ status: z.enum(ANSWER_STATUSES).nullable(), narrative: z.string() })
    .nullable()
    .describe('The member’s current answer in its Security Profile'),
  evidence: z.array(LinkedEvidenceSchema),
  findings: z.array(FindingSchema).describe('Validation-wide (siteId null) and per site'),
});
export type WorkProgramCriterion = z.infer<typeof WorkProgramCriterionSchema>;

export const HoursEntrySchema = z
  .object({
    id: z.uuid(),
    user: PersonSchema,
    activity: z.enum(VALIDATION_ACTIVITIES),
    workedOn: z.iso.date(),
    minutes: z.number().int(),
    note: z.string(),
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: 'ValidationHoursEntry' });
export type HoursEntry = z.infer<typeof HoursEntrySchema>;

export const HoursSummarySchema = z.object({
  items: z.array(HoursEntrySchema).describe('Newest work day first'),
  byActivity: z.array(z.object({ activity: z.enum(VALIDATION_ACTIVITIES), minutes: z.number() })),
  totalMinutes: z.number().int(),
});
export type HoursSummary = z.infer<typeof HoursSummarySchema>;

export const OutcomeOptionSchema = z.object({
  outcome: z.enum(VALIDATION_OUTCOMES),
  allowed: z.boolean(),
  reason: z.string().nullable(),
});

export const ReportStateSchema = z
  .object({
    summary: z.string(),
    recommendedOutcome: z.enum(VALIDATION_OUTCOMES).nullable(),
    outcomeOptions: z.array(OutcomeOptionSchema),
    author: PersonSchema.nullable(),
    submittedAt: z.iso.datetime().nullable(),
    approvedBy: PersonSchema.nullable(),
    issuedOn: z.iso.date().nullable(),
    responsesDueOn: z.iso.date().nullable(),
    /** The response period is provisional (ctpat-program.md §6: UNVERIFIED). */
    responsePeriodDays: z.number().int(),
    responsePeriodProvisional: z.boolean(),
    documents: z.array(
      z.object({
        id: z.uuid(),
        language: z.enum(DOCUMENT_LANGUAGES),
        generatedAt: z.iso.datetime(),
      }),
    ),
  })
  .meta({ id: 'ValidationReportState' });
export type ReportState = z.infer<typeof ReportStateSchema>;

export const WorkProgramSchema = z
  .object({
    validationId: z.uuid(),
    organisationId: z.uuid(),
    memberName: z.string(),
    status: z.enum(VALIDATION_STATUSES),
    version: z.number().int(),
    specialist: PersonSchema.nullable(),
    catalogVersion: z.string().nullable(),
    /** Whether the caller may record findings now (status, dates and assignment). */
    canRecordFindings: z.boolean(),
    /** Whether the caller may record staff hours (assignment; not once closed). */
    canRecordHours: z.boolean(),
    /** Whether the caller may decide the report (a supervisor who did not write it). */
    canDecideReport: z.boolean(),
    steps: z.array(z.enum(WORK_PROGRAM_STEPS)),
    sites: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        countryCode: z.string(),
        location: z.enum(SITE_LOCATIONS),
        cbpVisitRequired: z.boolean(),
        visitOn: z.iso.date().nullable(),
      }),
    ),
    criteria: z.array(WorkProgramCriterionSchema).describe('Applicable criteria, catalog order'),
    /** Findings on criteria that no longer apply to the member (kept, not counted). */
    otherFindings: z.array(FindingSchema),
    readiness: ReportReadinessSchema,
    hours: HoursSummarySchema,
    report: ReportStateSchema,
  })
  .meta({ id: 'ValidationWorkProgram' });
export type WorkProgram = z.infer<typeof WorkProgramSchema>;

export const SaveFindingBodySchema = z
  .object({
    criterionId: z
      .string()
      .regex(CRITERION_ID, 'must be a criterion id: a category number 1–12, a dot and a number'),
    siteId: z.uuid().nullable(),
    rating: z.enum(FINDING_RATINGS),
    notes: z.string().trim().max(NOTES_MAX_CHARS).default(''),
    evidenceSeen: z.string().trim().max(NOTES_MAX_CHARS).default(''),
    evidenceIds: z.array(z.uuid()).max(100).default([]),
    expectedVersion: z
      .number()
      .int()
      .positive()
      .optional()
      .describe(
        'The finding’s version as last read, when changing one; absent when recording a new one. A stale or missing version for an existing finding answers 409 with the current finding.',
      ),
  })
  .strict();
export type SaveFindingBody = z.infer<typeof SaveFindingBodySchema>;

export const DeleteFindingQuerySchema = z.object({
  expectedVersion: z.coerce.number().int().positive().optional(),
});

export const RecordHoursBodySchema = z
  .object({
    activity: z.enum(VALIDATION_ACTIVITIES),
    workedOn: z.iso.date(),
    minutes: z
      .number()
      .int('must be whole minutes')
      .min(1, 'must be at least 1 minute')
      .max(MAX_MINUTES_PER_ENTRY, 'must be at most 1440 minutes (one day) per entry'),
    note: z.string().trim().max(1_000).default(''),
  })
  .strict();
export type RecordHoursBody = z.infer<typeof RecordHoursBodySchema>;

export const SaveReportBodySchema = z
  .object({
    summary: z.string().trim().max(SUMMARY_MAX_CHARS),
    recommendedOutcome: z.enum(VALIDATION_OUTCOMES).nullable(),
    expectedVersion: z.number().int().positive(),
  })
  .strict();
export type SaveReportBody = z.infer<typeof SaveReportBodySchema>;

export const SubmitReportBodySchema = z
  .object({ expectedVersion: z.number().int().positive() })
  .strict();
export type SubmitReportBody = z.infer<typeof SubmitReportBodySchema>;

export const REPORT_DECISIONS = ['approve', 'return'] as const;
export type ReportDecision = (typeof REPORT_DECISIONS)[number];

export const DecideReportBodySchema = z
  .object({
    decision: z.enum(REPORT_DECISIONS),
    note: z.string().trim().max(NOTES_MAX_CHARS).default(''),
    expectedVersion: z.number().int().positive(),
  })
  .strict();
export type DecideReportBody = z.infer<typeof DecideReportBodySchema>;

/** The member's view of an issued report. */
export const MemberReportSchema = z
  .object({
    validationId: z.uuid(),
    status: z.enum(VALIDATION_STATUSES),
    summary: z.string(),
    recommendedOutcome: z.enum(VALIDATION_OUTCOMES).nullable(),
    issuedOn: z.iso.date(),
    responsesDueOn: z.iso.date().nullable(),
    responsePeriodProvisional: z.boolean(),
    counts: RatingCountsSchema,
    findings: z.array(
      z.object({
        id: z.uuid(),
        criterionId: z.string(),
        category: z.number().int(),
        text: z.string(),
        designation: z.enum(DESIGNATIONS),
        site: z.object({ id: z.uuid(), name: z.string() }).nullable(),
        rating: z.enum(FINDING_RATINGS),
        notes: z.string(),
        evidenceSeen: z.string(),
      }),
    ),
    documents: z.array(
      z.object({
        id: z.uuid(),
        language: z.enum(DOCUMENT_LANGUAGES),
        generatedAt: z.iso.datetime(),
      }),
    ),
  })
  .meta({ id: 'ValidationMemberReport' });
export type MemberReport = z.infer<typeof MemberReportSchema>;

export const REPORT_FORMATS = ['pdf', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const ReportDocumentParamsSchema = z.object({
  id: z.uuid(),
  format: z.enum(REPORT_FORMATS),
});
export const ReportDocumentQuerySchema = z.object({ lang: z.enum(DOCUMENT_LANGUAGES).optional() });
