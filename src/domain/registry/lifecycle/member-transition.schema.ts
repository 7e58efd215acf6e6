import { z } from 'zod';

/**
 * The transitions a member company makes itself, through its company officer
 * (membership-transitions.ts: `roles: COMPANY_OFFICER`), other than submitting the application,
 * which has its own route because it also accepts the partner agreement.
 */
export const MEMBER_TRANSITIONS = [
  'withdraw',
  'record_suspension_response',
  'start_new_application',
] as const;
export type MemberTransition = (typeof MEMBER_TRANSITIONS)[number];

export const OwnMembershipTransitionBodySchema = z
  .object({
    transition: z.enum(MEMBER_TRANSITIONS, {
      message: `must be one of the member's own transitions: ${MEMBER_TRANSITIONS.join(', ')}`,
    }),
    reason: z.string().trim().min(1).max(2000).optional().describe('withdraw: why (required)'),
    evidenceIds: z
      .array(z.string().min(1).max(100))
      .max(20)
      .optional()
      .describe('record_suspension_response: ids of the response documents (required)'),
  })
  .meta({ id: 'OwnMembershipTransitionBody' });
export type OwnMembershipTransitionBody = z.infer<typeof OwnMembershipTransitionBodySchema>;
