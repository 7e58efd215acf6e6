import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OwnMembershipTransitionBody } from '../../../../domain/registry/lifecycle/member-transition.schema.ts';
import { SpecialistListSchema } from '../../../../domain/registry/member-queue.schema.ts';
import { CompanyProfileSchema } from '../../../../domain/registry/profile/company-profile.schema.ts';
import {
  type MembershipFile,
  MembershipFileSchema,
  type MemberTransitionBody,
  type SaveApplicationBody,
} from '../../../../domain/registry/registry.schema.ts';
import { ApiError, apiGet, apiSend } from '../../../lib/api-client.ts';

export type Specialist = z.infer<typeof SpecialistListSchema>['items'][number];

/**
 * The member registry's API calls (src/server/modules/registry/registry.routes.ts): the
 * company's own membership and draft application, a member's file for CBP, and the company
 * profile the application hands off to.
 */

export const registryKeys = {
  all: ['registry'] as const,
  ownMembership: ['registry', 'membership'] as const,
  ownProfile: ['registry', 'profile'] as const,
  member: (organisationId: string) => ['registry', 'member', organisationId] as const,
  memberProfile: (organisationId: string) =>
    ['registry', 'member', organisationId, 'profile'] as const,
  specialists: ['registry', 'specialists'] as const,
};

/** 404 NOT_FOUND answers "nothing there yet" (no application, no profile): read as null. */
async function orNullWhenMissing<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return null;
    }
    throw error;
  }
}

/** The company's own membership file; null before its first draft is saved. */
export function ownMembershipQuery() {
  return queryOptions({
    queryKey: registryKeys.ownMembership,
    queryFn: ({ signal }) =>
      orNullWhenMissing(apiGet('/api/v1/registry/membership', MembershipFileSchema, { signal })),
  });
}

/** One member's file, for CBP. */
export function memberFileQuery(organisationId: string) {
  return queryOptions({
    queryKey: registryKeys.member(organisationId),
    queryFn: ({ signal }) =>
      apiGet(
        `/api/v1/registry/members/${encodeURIComponent(organisationId)}`,
        MembershipFileSchema,
        { signal },
      ),
  });
}

/** The company's own profile (addresses, contacts); null when the profile API is not there. */
export function ownProfileQuery() {
  return queryOptions({
    queryKey: registryKeys.ownProfile,
    queryFn: ({ signal }) =>
      orNullWhenMissing(apiGet('/api/v1/registry/profile', CompanyProfileSchema, { signal })),
    // Edited on its own page (/company/profile): the application reads it afresh each time.
    staleTime: 0,
  });
}

/** A member's company profile, for CBP; null when there is none. */
export function memberProfileQuery(organisationId: string) {
  return queryOptions({
    queryKey: registryKeys.memberProfile(organisationId),
    queryFn: ({ signal }) =>
      orNullWhenMissing(
        apiGet(
          `/api/v1/registry/members/${encodeURIComponent(organisationId)}/profile`,
          CompanyProfileSchema,
          { signal },
        ),
      ),
  });
}

/**
 * The CTPAT specialists a supervisor may assign; null when the server offers no list (the
 * assignment then takes the specialist's user id).
 */
export function specialistsQuery() {
  return queryOptions({
    queryKey: registryKeys.specialists,
    queryFn: ({ signal }) =>
      orNullWhenMissing(apiGet('/api/v1/registry/specialists', SpecialistListSchema, { signal })),
    staleTime: 5 * 60_000,
  });
}

export function saveApplication(body: SaveApplicationBody): Promise<MembershipFile> {
  return apiSend('PUT', '/api/v1/registry/application', MembershipFileSchema, body);
}

export function submitApplication(): Promise<MembershipFile> {
  return apiSend('POST', '/api/v1/registry/application/submit', MembershipFileSchema, {
    agreementAccepted: true,
  });
}

/** A lifecycle transition CBP makes on a member's file. */
export function transitionMember(
  organisationId: string,
  body: MemberTransitionBody,
): Promise<MembershipFile> {
  return apiSend(
    'POST',
    `/api/v1/registry/members/${encodeURIComponent(organisationId)}/transitions`,
    MembershipFileSchema,
    body,
  );
}

/** A transition the company makes on its own membership (withdraw, answer a suspension, ...). */
export function transitionOwnMembership(
  body: OwnMembershipTransitionBody,
): Promise<MembershipFile> {
  return apiSend('POST', '/api/v1/registry/membership/transitions', MembershipFileSchema, body);
}
