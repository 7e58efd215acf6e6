import { z } from 'zod';
import { TRADE_COMPLIANCE_STATUSES } from './trade-compliance-vocabulary.ts';

/**
 * A member's CTPAT Trade Compliance status as CBP program managers set it in the registry
 * until a Trade Compliance module exists (issue 7, item 3), and as the protest indicator reads it.
 */

export const TradeComplianceStatusSchema = z.enum(TRADE_COMPLIANCE_STATUSES);

export const TRADE_COMPLIANCE_REASON_MAX = 2000;

export const SetTradeComplianceBodySchema = z
  .object({
    status: TradeComplianceStatusSchema,
    since: z.iso
      .date('must be a date as YYYY-MM-DD')
      .describe('The day the status took effect; not in the future'),
    reason: z
      .string()
      .trim()
      .min(1, 'is required')
      .max(TRADE_COMPLIANCE_REASON_MAX)
      .describe('Why the status is set (decision, letter, ...); kept in the history'),
  })
  .meta({ id: 'SetTradeComplianceBody' });
export type SetTradeComplianceBody = z.infer<typeof SetTradeComplianceBodySchema>;

export const TradeComplianceHistoryEntrySchema = z.object({
  seq: z.number().int(),
  status: TradeComplianceStatusSchema,
  since: z.iso.date(),
  reason: z.string(),
  changedByUserId: z.uuid().nullable(),
  changedAt: z.iso.datetime(),
});

export const TradeComplianceViewSchema = z
  .object({
    organisationId: z.uuid(),
    current: z
      .object({
        status: TradeComplianceStatusSchema,
        since: z.iso.date(),
        updatedAt: z.iso.datetime(),
        updatedByUserId: z.uuid().nullable(),
      })
      .nullable()
      .describe('Null: the member has never held Trade Compliance status'),
    /** Every change, newest first. */
    history: z.array(TradeComplianceHistoryEntrySchema),
  })
  .meta({ id: 'TradeCompliance' });
export type TradeComplianceView = z.infer<typeof TradeComplianceViewSchema>;

/**
 * What a protest keeps at filing time (issue 7, item 3): the member's status then, so a later
 * change does not rewrite the indicator the protest was filed with.
 */
export const TradeComplianceSnapshotSchema = z.object({
  organisationId: z.uuid(),
  status: TradeComplianceStatusSchema.nullable(),
  since: z.iso.date().nullable(),
  /** Only an active status makes the protest's CTPAT Trade Compliance indicator true. */
  active: z.boolean(),
  /** When the status was last set (null: never). */
  statusSetAt: z.iso.datetime().nullable(),
});
export type TradeComplianceSnapshot = z.infer<typeof TradeComplianceSnapshotSchema>;
