import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../api/pagination.schema.ts';
import {
  OPEN_VALIDATION_STATUSES,
  PARTICIPANT_SIDES,
  SITE_LOCATIONS,
  VALIDATION_KINDS,
  VALIDATION_MODES,
  VALIDATION_OUTCOMES,
  VALIDATION_STATUSES,
} from './validation-vocabulary.ts';

/**
 * The validations API's shared shapes (issue 6): the summary in lists, the core view of one
 * validation, and scheduling. The work program (findings, hours, report, responses), the
 * documents and the metrics have their own schema files next to this one and their own
 * endpoints; the pages compose them. Dates are `YYYY-MM-DD`, instants ISO date-times.
 */

const PersonSchema = z.object({ id: z.uuid(), name: z.string() });

export const ValidationSummarySchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  memberName: z.string(),
  kind: z.enum(VALIDATION_KINDS),
  mode: z.enum(VALIDATION_MODES),
  status: z.enum(VALIDATION_STATUSES),
  office: PersonSchema.nullable().describe('The CBP office (id and name)'),
  specialist: PersonSchema.nullable(),
  planYear: z.number().int(),
  dueOn: z.iso.date(),
  /** Open and past its due date. */
  overdue: z.boolean(),
  startsOn: z.iso.date().nullable(),
  endsOn: z.iso.date().nullable(),
  reportIssuedOn: z.iso.date().nullable(),
  responsesDueOn: z.iso.date().nullable(),
  outcome: z.enum(VALIDATION_OUTCOMES).nullable(),
  version: z.number().int(),
});
export type ValidationSummary = z.infer<typeof ValidationSummarySchema>;

export const ValidationPageSchema = pageOf(ValidationSummarySchema);

export const AgendaItemSchema = z.object({
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:30'),
  topic: z.string().trim().min(1).max(200),
});

export const ValidationSiteSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  name: z.string(),
  address: z.string(),
  countryCode: z.string(),
  location: z.enum(SITE_LOCATIONS),
  /** mra_programs ids are slugs (e.g. `ca-partners-in-protection`), not UUIDs. */
  mraProgram: z
    .object({ id: z.string(), name: z.string() })
    .nullable()
    .describe('The MRA partner program covering a foreign site'),
  /** False for a foreign site covered by an MRA partner program (no CBP foreign visit). */
  cbpVisitRequired: z.boolean(),
  visitOn: z.iso.date().nullable(),
  agenda: z.array(AgendaItemSchema),
});

export const ValidationParticipantSchema = z.object({
  id: z.uuid(),
  side: z.enum(PARTICIPANT_SIDES),
  name: z.string(),
  title: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

export const ValidationEventSchema = z.object({
  kind: z.string(),
  at: z.iso.datetime({ offset: true }),
  actorName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

/** One validation as its pages open it (CBP's and the member's; the member sees its own). */
export const ValidationViewSchema = ValidationSummarySchema.extend({
  reason: z.string().nullable(),
  noticeSentOn: z.iso.date().nullable(),
  noticeOverrideReason: z.string().nullable(),
  /** The minimum written notice for these sites (30 days; 60 with a CBP foreign visit). */
  minimumNoticeDays: z.number().int(),
  noticeProvisional: z.boolean(),
  sites: z.array(ValidationSiteSchema),
  participants: z.array(ValidationParticipantSchema),
  events: z.array(ValidationEventSchema),
});
export type ValidationView = z.infer<typeof ValidationViewSchema>;

export const ValidationListQuerySchema = PageQuerySchema.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  officeId: z.uuid().optional(),
  specialistId: z.uuid().optional(),
  status: z.enum(VALIDATION_STATUSES).optional(),
  kind: z.enum(VALIDATION_KINDS).optional(),
  /** Only open validations (any of OPEN_VALIDATION_STATUSES). */
  open: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});

export const OPEN_STATUSES = OPEN_VALIDATION_STATUSES;

const SiteInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().min(1).max(500),
  countryCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO 3166 country code'),
  /** A foreign site's MRA partner program, when its operator is certified in one. */
  mraProgramId: z.string().trim().min(1).max(100).nullable().default(null),
  visitOn: z.iso.date().nullable().default(null),
  agenda: z.array(AgendaItemSchema).max(40).default([]),
});

const ParticipantInputSchema = z.object({
  side: z.enum(PARTICIPANT_SIDES),
  name: z.string().trim().min(1).max(200),
  title: z.string().trim().min(1).max(200),
  email: z.email().nullable().default(null),
  phone: z.string().trim().max(40).nullable().default(null),
});

/**
 * Scheduling (item 2): refused in the past, or inside the minimum notice without an override
 * reason (validation-notice.ts). `noticeSentOn` defaults to today (the notice goes out with it).
 */
export const ScheduleValidationBodySchema = z.object({
  expectedVersion: z.number().int().positive(),
  mode: z.enum(VALIDATION_MODES),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  noticeSentOn: z.iso.date().optional(),
  noticeOverrideReason: z.string().trim().max(2000).optional(),
  sites: z.array(SiteInputSchema).min(1).max(20),
  participants: z.array(ParticipantInputSchema).min(1).max(40),
});
export type ScheduleValidationBody = z.infer<typeof ScheduleValidationBodySchema>;
