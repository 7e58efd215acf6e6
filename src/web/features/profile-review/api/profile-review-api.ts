import { queryOptions } from '@tanstack/react-query';
import {
  CriterionReviewSchema,
  type DecideVersionBody,
  ProfileVersionSchema,
  type ReviewCriterionBody,
  ReviewQueuePageSchema,
  SubmissionOverviewSchema,
  type SubmitProfileBody,
  VersionRoundListSchema,
} from '../../../../domain/security-profile/profile-review.schema.ts';
import { apiGet, apiSend } from '../../../lib/api-client.ts';

export const profileReviewKeys = {
  all: ['profile-review'] as const,
  submission: ['profile-review', 'submission'] as const,
  rounds: ['profile-review', 'rounds'] as const,
  ownVersion: (versionId: string) => ['profile-review', 'own', versionId] as const,
  queue: (filter: ReviewQueueFilter) => ['profile-review', 'queue', filter] as const,
  version: (versionId: string) => ['profile-review', 'version', versionId] as const,
};

/** Before submitting: readiness, the missing musts and the attestation text. */
export function submissionOverviewQuery() {
  return queryOptions({
    queryKey: profileReviewKeys.submission,
    queryFn: ({ signal }) =>
      apiGet('/api/v1/profile/submission', SubmissionOverviewSchema, { signal }),
  });
}

export function submitProfile(body: SubmitProfileBody) {
  return apiSend('POST', '/api/v1/profile/submit', ProfileVersionSchema, body);
}

/** Every round of the company's profile, newest first. */
export function versionRoundsQuery() {
  return queryOptions({
    queryKey: profileReviewKeys.rounds,
    queryFn: ({ signal }) => apiGet('/api/v1/profile/versions', VersionRoundListSchema, { signal }),
  });
}

export function ownVersionQuery(versionId: string) {
  return queryOptions({
    queryKey: profileReviewKeys.ownVersion(versionId),
    queryFn: ({ signal }) =>
      apiGet(`/api/v1/profile/versions/${encodeURIComponent(versionId)}`, ProfileVersionSchema, {
        signal,
      }),
  });
}

export interface ReviewQueueFilter {
  mine: boolean;
  officeId: string | null;
  cursor: string | null;
}

/** CBP: versions waiting for review, oldest first. */
export function reviewQueueQuery(filter: ReviewQueueFilter) {
  return queryOptions({
    queryKey: profileReviewKeys.queue(filter),
    queryFn: ({ signal }) =>
      apiGet('/api/v1/profiles/review-queue', ReviewQueuePageSchema, {
        signal,
        query: {
          mine: filter.mine ? 'true' : undefined,
          officeId: filter.officeId ?? undefined,
          cursor: filter.cursor ?? undefined,
        },
      }),
  });
}

export function versionForReviewQuery(versionId: string) {
  return queryOptions({
    queryKey: profileReviewKeys.version(versionId),
    queryFn: ({ signal }) =>
      apiGet(`/api/v1/profiles/versions/${encodeURIComponent(versionId)}`, ProfileVersionSchema, {
        signal,
      }),
  });
}

export function reviewCriterion(versionId: string, criterionId: string, body: ReviewCriterionBody) {
  return apiSend(
    'PUT',
    `/api/v1/profiles/versions/${encodeURIComponent(versionId)}/reviews/${encodeURIComponent(criterionId)}`,
    CriterionReviewSchema,
    body,
  );
}

export function decideVersion(versionId: string, body: DecideVersionBody) {
  return apiSend(
    'POST',
    `/api/v1/profiles/versions/${encodeURIComponent(versionId)}/decision`,
    ProfileVersionSchema,
    body,
  );
}
