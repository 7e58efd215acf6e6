import { z } from 'zod';
import { ENTITY_TYPES } from '../../../../domain/organisations/entity-types.ts';
import {
  MEMBERSHIP_STATUSES,
  REVIEW_STEPS,
} from '../../../../domain/registry/lifecycle/membership-states.ts';
import { MEMBER_SORTS } from '../../../../domain/registry/member-queue.schema.ts';

/**
 * The CBP queue's URL search parameters (`/cbp/members?state=applicant&sort=submitted`): a
 * filtered queue can be bookmarked and shared. Values that do not parse are dropped, not errors.
 * `specialist` is a user id, or `mine` / `unassigned`.
 */
export const CbpMembersSearchSchema = z.object({
  q: z.string().trim().min(1).max(200).optional().catch(undefined),
  identifier: z.string().trim().min(1).max(100).optional().catch(undefined),
  state: z.enum(MEMBERSHIP_STATUSES).optional().catch(undefined),
  reviewStep: z.enum(REVIEW_STEPS).optional().catch(undefined),
  tier: z.enum(['I', 'II', 'III']).optional().catch(undefined),
  entityType: z.enum(ENTITY_TYPES).optional().catch(undefined),
  specialist: z
    .union([z.literal('mine'), z.literal('unassigned'), z.uuid()])
    .optional()
    .catch(undefined),
  cbpOfficeId: z.uuid().optional().catch(undefined),
  /** Members with required actions of a validation report unanswered past the deadline. */
  suspensionRisk: z.literal('true').optional().catch(undefined),
  sort: z.enum(MEMBER_SORTS).optional().catch(undefined),
});

export type CbpMembersSearch = z.infer<typeof CbpMembersSearchSchema>;
