import { z } from 'zod';
import { PILOT_CATEGORIES, PILOT_REQUEST_STATUSES } from './third-party-logistics-pilot.ts';

/**
 * The 3PL pilot API's schemas (issue 4, item 6; P.L. 118-98, 90 FR 52690): a company's request
 * to take part, the pilot's dates and places, CBP's first-come-first-served queue and decisions.
 */

export const PilotCategorySchema = z.enum(PILOT_CATEGORIES);
export const PilotRequestStatusSchema = z.enum(PILOT_REQUEST_STATUSES);

/** Where the pilot stands today: its end date is a setting no source gives. */
export const PILOT_PHASES = ['end_date_not_set', 'not_started', 'open', 'ended'] as const;
export type PilotPhase = (typeof PILOT_PHASES)[number];

export const PILOT_REASON_MAX = 2000;

export const PilotRequestBodySchema = z.object({
  category: PilotCategorySchema.describe(
    'asset_based: licensed or bonded by FMC, TSA, CBP or DOT, with its own warehousing; non_asset_based: arranges international freight, DOT licence (P.L. 118-98 sec. 3)',
  ),
});
export type PilotRequestBody = z.infer<typeof PilotRequestBodySchema>;

export const PilotWithdrawBodySchema = z.object({
  reason: z.string().trim().min(1).max(PILOT_REASON_MAX).optional(),
});
export type PilotWithdrawBody = z.infer<typeof PilotWithdrawBodySchema>;

export const PilotDecisionBodySchema = z
  .object({
    decision: z.enum(['accept', 'refuse']),
    reason: z
      .string()
      .trim()
      .max(PILOT_REASON_MAX)
      .optional()
      .describe('Required to refuse: why the company is not taken into the pilot'),
  })
  .superRefine((body, ctx) => {
    if (body.decision === 'refuse' && (body.reason === undefined || body.reason === '')) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'is required to refuse' });
    }
  });
export type PilotDecisionBody = z.infer<typeof PilotDecisionBodySchema>;

export const PilotRequestIdParamsSchema = z.object({ requestId: z.uuid() });

export const PilotRequestViewSchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    legalName: z.string(),
    category: PilotCategorySchema,
    status: PilotRequestStatusSchema,
    requestedAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().nullable(),
    reason: z.string().nullable(),
    rank: z
      .number()
      .int()
      .nullable()
      .describe("A waiting request's place in its category's line (first come, first served)"),
    withinCap: z
      .boolean()
      .nullable()
      .describe('A waiting request: whether it fits in the places its category has left'),
  })
  .meta({ id: 'PilotRequest' });
export type PilotRequestView = z.infer<typeof PilotRequestViewSchema>;

const PerCategorySchema = z.object({
  asset_based: z.number().int(),
  non_asset_based: z.number().int(),
});

export const PilotStatusSchema = z
  .object({
    phase: z.enum(PILOT_PHASES),
    startsOn: z.iso.date(),
    startIsProvisional: z
      .boolean()
      .describe('The start is the earliest 90 FR 52690 allows, not a date CBP announced'),
    endsOn: z.iso.date().nullable().describe('Null: the deployment has not set the end date'),
    capPerCategory: PerCategorySchema,
    acceptedPerCategory: PerCategorySchema,
    placesLeftPerCategory: PerCategorySchema.describe(
      'Cap minus accepted participants and waiting requests within the cap',
    ),
  })
  .meta({ id: 'PilotStatus' });
export type PilotStatus = z.infer<typeof PilotStatusSchema>;

export const OwnPilotViewSchema = z
  .object({
    pilot: PilotStatusSchema,
    /** Whether the company may ask: a membership that holds the 3PL entity type. */
    eligibleToRequest: z.boolean(),
    ineligibleReason: z.enum(['no_membership', 'membership_closed', 'not_3pl']).nullable(),
    /** The company's requests, newest first. */
    requests: z.array(PilotRequestViewSchema),
  })
  .meta({ id: 'OwnPilotView' });
export type OwnPilotView = z.infer<typeof OwnPilotViewSchema>;

export const PilotQueueSchema = z
  .object({
    pilot: PilotStatusSchema,
    categories: z.array(
      z.object({
        category: PilotCategorySchema,
        /** Every request of the category, first come first served (time, then id). */
        requests: z.array(PilotRequestViewSchema),
      }),
    ),
  })
  .meta({ id: 'PilotQueue' });
export type PilotQueue = z.infer<typeof PilotQueueSchema>;
