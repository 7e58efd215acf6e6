import { z } from 'zod';
import { EntityTypeSchema } from '../../organisations/organisation.schema.ts';
import { MEMBERSHIP_STATUSES } from '../lifecycle/membership-states.ts';
import { SVI_NUMBER_EXAMPLE, SVI_NUMBER_PATTERN } from './svi-number.ts';
import { SVI_CONNECTION_STATUSES } from './svi-vocabulary.ts';

/**
 * The Status Verification Interface API's request and response schemas (issue 4, item 8;
 * ../shared/domain/ctpat-program.md §3.7): joining and leaving SVI, connections between
 * participants, the status of connected partners (also for machines with an API token), and
 * official status confirmations e-mailed to non-members.
 */

const TierSchema = z.enum(['I', 'II', 'III']);

export const SviNumberSchema = z
  .string()
  .regex(SVI_NUMBER_PATTERN, `must look like ${SVI_NUMBER_EXAMPLE}`)
  .describe(`A participant's SVI number, e.g. ${SVI_NUMBER_EXAMPLE}`);

export const SviParticipationSchema = z
  .object({
    participating: z.boolean(),
    sviNumber: SviNumberSchema.nullable().describe(
      'The number to give business partners; null while not participating',
    ),
    joinedAt: z.iso.datetime().nullable(),
    leftAt: z.iso.datetime().nullable().describe('When the company last left SVI'),
    mayJoin: z
      .boolean()
      .describe('Whether the company’s membership is certified or validated (required to join)'),
  })
  .meta({ id: 'SviParticipation' });
export type SviParticipation = z.infer<typeof SviParticipationSchema>;

export const JoinSviBodySchema = z.object({
  consent: z
    .literal(true, { message: 'the consent to share the company’s CTPAT status must be given' })
    .describe(
      'The company consents to SVI: its legal name, entity types, CTPAT status and tier are shown to the partners it connects with',
    ),
});
export type JoinSviBody = z.infer<typeof JoinSviBodySchema>;

/** The partner's current CTPAT status, as a connected partner sees it. */
export const SviPartnerStatusSchema = z
  .object({
    sviNumber: SviNumberSchema,
    legalName: z.string(),
    entityTypes: z.array(EntityTypeSchema),
    status: z.enum(MEMBERSHIP_STATUSES),
    tier: TierSchema.nullable().describe('Null while the partner holds no tier (e.g. suspended)'),
    statusSince: z.iso.date().describe('The date the current status began'),
    asOf: z.iso.datetime().describe('When the partner’s membership record last changed'),
  })
  .meta({ id: 'SviPartnerStatus' });
export type SviPartnerStatus = z.infer<typeof SviPartnerStatusSchema>;

export const SviConnectionSchema = z
  .object({
    id: z.uuid(),
    direction: z
      .enum(['incoming', 'outgoing'])
      .describe('incoming: the partner asked; outgoing: your company asked'),
    status: z
      .enum(SVI_CONNECTION_STATUSES)
      .describe('The list shows pending and accepted ones only'),
    partner: z.object({ sviNumber: SviNumberSchema, legalName: z.string() }),
    requestedAt: z.iso.datetime(),
    respondedAt: z.iso.datetime().nullable(),
    partnerStatus: SviPartnerStatusSchema.nullable().describe(
      'Only for an accepted connection while both companies take part in SVI',
    ),
  })
  .meta({ id: 'SviConnection' });
export type SviConnection = z.infer<typeof SviConnectionSchema>;

export const SviConnectionListSchema = z.object({ items: z.array(SviConnectionSchema) });
export type SviConnectionList = z.infer<typeof SviConnectionListSchema>;

export const RequestSviConnectionBodySchema = z.object({
  // A free string: the service reads it as a person typed it (normaliseSviNumber).
  sviNumber: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(40)
    .describe(`The partner's SVI number, e.g. ${SVI_NUMBER_EXAMPLE}`),
});
export type RequestSviConnectionBody = z.infer<typeof RequestSviConnectionBodySchema>;

export const SviConnectionIdParamsSchema = z.object({ connectionId: z.uuid() });

/** What a company does with a connection: the recipient accepts or declines a request, the
 * requester cancels it while it is pending, either side ends an accepted one. */
export const SVI_CONNECTION_ACTIONS = ['accept', 'decline', 'cancel', 'end'] as const;
export type SviConnectionAction = (typeof SVI_CONNECTION_ACTIONS)[number];

export const SviPartnerParamsSchema = z.object({ sviNumber: z.string().min(1).max(40) });

export const SendStatusConfirmationBodySchema = z.object({
  recipientEmail: z.email('must be an e-mail address').max(254),
  recipientName: z.string().trim().min(1, 'is required').max(200),
  language: z
    .enum(['en', 'es'])
    .default('en')
    .describe('The language of the e-mail (English unless Spanish)'),
});
export type SendStatusConfirmationBody = z.input<typeof SendStatusConfirmationBodySchema>;

export const SviStatusConfirmationSchema = z
  .object({
    id: z.uuid(),
    recipientEmail: z.string(),
    recipientName: z.string().nullable(),
    sentAt: z.iso.datetime(),
    status: z.enum(MEMBERSHIP_STATUSES).describe('The status the e-mail confirmed'),
    tier: TierSchema.nullable(),
  })
  .meta({ id: 'SviStatusConfirmation' });
export type SviStatusConfirmation = z.infer<typeof SviStatusConfirmationSchema>;

export const SviStatusConfirmationListSchema = z.object({
  items: z.array(
    SviStatusConfirmationSchema.omit({ status: true, tier: true }).describe(
      'A confirmation sent (what it said is in the audit trail)',
    ),
  ),
});
export type SviStatusConfirmationList = z.infer<typeof SviStatusConfirmationListSchema>;
