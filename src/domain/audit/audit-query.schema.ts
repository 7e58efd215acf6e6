import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../api/pagination.schema.ts';
import { AUDIT_ACTIONS, AuditEventSchema } from './audit-events.ts';

/** The most rows one CSV export carries; narrow the filters to export more. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

const filterShape = {
  organisationId: z
    .uuid()
    .optional()
    .describe(
      'Only this organisation. With audit:read:any any organisation; otherwise your own ' +
        'organisation is always applied as well',
    ),
  action: z.enum(AUDIT_ACTIONS).optional(),
  actorUserId: z.uuid().optional().describe('Only what this user did'),
  targetType: z.string().min(1).max(100).optional().describe('e.g. user, api_token, session'),
  targetId: z.string().min(1).max(200).optional(),
  from: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('Events at or after this instant (ISO 8601)'),
  to: z.iso.datetime({ offset: true }).optional().describe('Events before this instant (ISO 8601)'),
};

function fromBeforeTo(
  filter: { from?: string | undefined; to?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (filter.from && filter.to && Date.parse(filter.from) >= Date.parse(filter.to)) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be later than from' });
  }
}

export const AuditEventFilterSchema = z.object(filterShape).superRefine(fromBeforeTo);
export type AuditEventFilter = z.infer<typeof AuditEventFilterSchema>;

/** GET /api/v1/audit-events: the filters, newest first, keyset-paged by (occurred_at, id). */
export const AuditEventListQuerySchema =
  PageQuerySchema.extend(filterShape).superRefine(fromBeforeTo);
export type AuditEventListQuery = z.infer<typeof AuditEventListQuerySchema>;

/** An audit event as the viewer shows it: the stored event and its organisation's name. */
export const AuditEventViewSchema = AuditEventSchema.extend({
  chain: z.string().describe('The hash chain: the organisation id, or "system"'),
  prevHash: z.string(),
  organisationName: z.string().nullable(),
}).meta({ id: 'AuditEventView' });
export type AuditEventView = z.infer<typeof AuditEventViewSchema>;

export const AuditEventPageSchema = pageOf(AuditEventViewSchema);
export type AuditEventPage = z.infer<typeof AuditEventPageSchema>;

/** The columns of the CSV export, in order. */
export const AUDIT_EXPORT_COLUMNS = [
  'id',
  'occurredAt',
  'chain',
  'seq',
  'organisationId',
  'organisationName',
  'actorUserId',
  'actorApiTokenId',
  'actorRole',
  'action',
  'targetType',
  'targetId',
  'before',
  'after',
  'requestId',
  'clientAddress',
  'prevHash',
  'hash',
] as const;
