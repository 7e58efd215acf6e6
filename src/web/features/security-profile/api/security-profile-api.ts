import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type AddCommentBody,
  type AssignSectionBody,
  ProfileAnswerSchema,
  ProfileCommentListSchema,
  ProfileCommentSchema,
  type SaveAnswerBody,
  SavedAnswerSchema,
  SecurityProfileViewSchema,
} from '../../../../domain/security-profile/security-profile.schema.ts';
import { ApiError, apiGet, apiSend } from '../../../lib/api-client.ts';

export const securityProfileKeys = {
  all: ['security-profile'] as const,
  own: ['security-profile', 'own'] as const,
  comments: (criterionId: string) => ['security-profile', 'comments', criterionId] as const,
};

/** The company's profile, or null before it is started (the API answers 404). */
export function ownSecurityProfileQuery() {
  return queryOptions({
    queryKey: securityProfileKeys.own,
    queryFn: async ({ signal }) => {
      try {
        return await apiGet('/api/v1/profile', SecurityProfileViewSchema, { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          return null;
        }
        throw error;
      }
    },
  });
}

export function startSecurityProfile() {
  return apiSend('POST', '/api/v1/profile', SecurityProfileViewSchema, {});
}

export function saveProfileAnswer(criterionId: string, body: SaveAnswerBody) {
  return apiSend(
    'PUT',
    `/api/v1/profile/answers/${encodeURIComponent(criterionId)}`,
    SavedAnswerSchema,
    body,
  );
}

const AssignmentSchema = z.object({ category: z.number(), assigneeUserId: z.uuid().nullable() });

export function assignProfileSection(category: number, body: AssignSectionBody) {
  return apiSend('PUT', `/api/v1/profile/assignments/${category}`, AssignmentSchema, body);
}

export function profileCommentsQuery(criterionId: string) {
  return queryOptions({
    queryKey: securityProfileKeys.comments(criterionId),
    queryFn: ({ signal }) =>
      apiGet(
        `/api/v1/profile/comments/${encodeURIComponent(criterionId)}`,
        ProfileCommentListSchema,
        { signal },
      ),
  });
}

export function addProfileComment(criterionId: string, body: AddCommentBody) {
  return apiSend(
    'POST',
    `/api/v1/profile/comments/${encodeURIComponent(criterionId)}`,
    ProfileCommentSchema,
    body,
  );
}

export function moveProfileToCurrentCatalog() {
  return apiSend('POST', '/api/v1/profile/catalog-update', SecurityProfileViewSchema, {});
}

const ConflictDetailsSchema = z.object({ current: ProfileAnswerSchema.nullable() });

/** The answer someone else saved meanwhile, when a save was refused as stale (409). */
export function conflictingAnswer(error: unknown) {
  if (!(error instanceof ApiError) || error.status !== 409) {
    return undefined;
  }
  const details = ConflictDetailsSchema.safeParse(error.details);
  return details.success ? details.data.current : undefined;
}
