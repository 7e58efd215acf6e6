import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../api/pagination.schema.ts';
import { MEMBERSHIP_STATUSES } from '../registry/lifecycle/membership-states.ts';
import { OPEN_VALIDATION_STATUSES, VALIDATION_KINDS } from './validation-vocabulary.ts';

/**
 * Planning and assignment (issue 6, item 1): the due list, planning one validation or a whole
 * office's year, the workload per specialist, assignment and cancellation. The shared summary
 * and view are in validation-api.schema.ts.
 */

const NamedSchema = z.object({ id: z.uuid(), name: z.string() });

export const ValidationIdParamsSchema = z.object({ id: z.uuid() });

const yearSchema = z.coerce.number().int().min(2000).max(2100);

export const DueValidationsQuerySchema = PageQuerySchema.extend({
  /** The plan year (default this year): this year also lists what is overdue. */
  year: yearSchema.optional(),
  officeId: z.uuid().optional(),
});
export type DueValidationsQuery = z.infer<typeof DueValidationsQuerySchema>;

/** A member due for a validation in the plan year, with no open validation. */
export const DueMemberSchema = z.object({
  organisationId: z.uuid(),
  memberName: z.string(),
  membershipStatus: z.enum(MEMBERSHIP_STATUSES),
  kind: z.enum(['initial', 'revalidation']),
  /** The planning date (6 U.S.C. 965(a) for the first validation; 969(2) planning rule). */
  dueOn: z.iso.date(),
  /** The statutory last day (the end of the 4-year period for a revalidation). */
  statutoryDueOn: z.iso.date(),
  overdue: z.boolean(),
  planYear: z.number().int(),
  office: NamedSchema.nullable(),
  /** The member's assigned specialist in the registry (the default for the validation). */
  assignedSpecialist: NamedSchema.nullable(),
  citation: z.string(),
});
export type DueMember = z.infer<typeof DueMemberSchema>;

export const DueMemberPageSchema = pageOf(DueMemberSchema);

export const PlanValidationBodySchema = z.object({
  organisationId: z.uuid(),
  kind: z.enum(VALIDATION_KINDS),
  planYear: yearSchema,
  /** Defaults to the member's assigned specialist, when that person is a specialist. */
  specialistUserId: z.uuid().nullable().optional(),
  /** Required for a for-cause validation: why CBP opens it. */
  reason: z.string().trim().max(2000).optional(),
});
export type PlanValidationBody = z.infer<typeof PlanValidationBodySchema>;

export const PlanYearBodySchema = z.object({
  officeId: z.uuid(),
  year: yearSchema,
});
export type PlanYearBody = z.infer<typeof PlanYearBodySchema>;

export const PlanYearResultSchema = z.object({
  officeId: z.uuid(),
  year: z.number().int(),
  planned: z.number().int(),
  initial: z.number().int(),
  revalidation: z.number().int(),
  /** Planned with the member's assigned specialist; the rest wait for an assignment. */
  assigned: z.number().int(),
  unassigned: z.number().int(),
  overdue: z.number().int(),
  validationIds: z.array(z.uuid()),
});
export type PlanYearResult = z.infer<typeof PlanYearResultSchema>;

export const WorkloadQuerySchema = z.object({
  officeId: z.uuid().optional(),
  year: yearSchema.optional(),
});
export type WorkloadQuery = z.infer<typeof WorkloadQuerySchema>;

const OpenCountsSchema = z.object(
  Object.fromEntries(OPEN_VALIDATION_STATUSES.map((status) => [status, z.number().int()])) as {
    [K in (typeof OPEN_VALIDATION_STATUSES)[number]]: z.ZodNumber;
  },
);

export const SpecialistWorkloadSchema = z.object({
  /** Null: the office's open validations nobody is assigned to. */
  specialist: NamedSchema.nullable(),
  office: NamedSchema.nullable(),
  open: OpenCountsSchema,
  openTotal: z.number().int(),
  /** Open validations of the plan year (overdue ones count in this year). */
  dueThisYear: z.number().int(),
  overdue: z.number().int(),
  /** Staff hours the specialist recorded on validations in the year (validation_hours). */
  hoursRecorded: z.number(),
});
export type SpecialistWorkload = z.infer<typeof SpecialistWorkloadSchema>;

export const WorkloadSchema = z.object({
  year: z.number().int(),
  officeId: z.uuid().nullable(),
  items: z.array(SpecialistWorkloadSchema),
});
export type Workload = z.infer<typeof WorkloadSchema>;

export const AssignValidationBodySchema = z.object({
  specialistUserId: z.uuid(),
  expectedVersion: z.number().int().positive(),
});
export type AssignValidationBody = z.infer<typeof AssignValidationBodySchema>;

export const CancelValidationBodySchema = z.object({
  reason: z.string().trim().min(1, 'must say why the validation is cancelled').max(2000),
  expectedVersion: z.number().int().positive(),
});
export type CancelValidationBody = z.infer<typeof CancelValidationBodySchema>;

export const OwnValidationsQuerySchema = PageQuerySchema;
