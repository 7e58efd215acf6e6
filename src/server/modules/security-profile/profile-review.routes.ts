import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { STANDARD_ERROR_RESPONSES } from '../../../domain/errors/error-response.schema.ts';
import {
  CriterionReviewParamsSchema,
  CriterionReviewSchema,
  DecideVersionBodySchema,
  ProfileVersionSchema,
  ReviewCriterionBodySchema,
  ReviewQueuePageSchema,
  ReviewQueueQuerySchema,
  SubmissionOverviewSchema,
  SubmitProfileBodySchema,
  VersionIdParamsSchema,
  VersionRoundListSchema,
} from '../../../domain/security-profile/profile-review.schema.ts';
import {
  decideVersion,
  getOwnVersion,
  getSubmissionOverview,
  getVersionForReview,
  listOwnVersions,
  listReviewQueue,
  reviewCriterion,
  submitProfile,
} from './profile-review.service.ts';

const ERRORS = STANDARD_ERROR_RESPONSES;

/** Submission of the Security Profile and CBP's review of each version (issue 5, item 5). */
export const profileReviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/profile/submission',
    {
      config: { permission: 'profile:read' },
      schema: {
        tags: ['security-profile'],
        summary: 'Before submitting: readiness, the must-criteria still missing, the attestation',
        response: { 200: SubmissionOverviewSchema, ...ERRORS },
      },
    },
    (request) => getSubmissionOverview(request.serviceContext()),
  );

  app.post(
    '/profile/submit',
    {
      config: { permission: 'profile:submit' },
      schema: {
        tags: ['security-profile'],
        summary: 'Attest to and submit the Security Profile for CBP review (company officer)',
        body: SubmitProfileBodySchema,
        response: { 201: ProfileVersionSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const version = await submitProfile(request.serviceContext(), request.body);
      return reply.status(201).send(version);
    },
  );

  app.get(
    '/profile/versions',
    {
      config: { permission: 'profile:read' },
      schema: {
        tags: ['security-profile'],
        summary: 'Every submitted round, newest first, with what CBP returned',
        response: { 200: VersionRoundListSchema, ...ERRORS },
      },
    },
    (request) => listOwnVersions(request.serviceContext()),
  );

  app.get(
    '/profile/versions/:versionId',
    {
      config: { permission: 'profile:read' },
      schema: {
        tags: ['security-profile'],
        summary: 'One submitted version of your profile: the snapshot and CBP’s decisions',
        params: VersionIdParamsSchema,
        response: { 200: ProfileVersionSchema, ...ERRORS },
      },
    },
    (request) => getOwnVersion(request.serviceContext(), request.params.versionId),
  );

  app.get(
    '/profiles/review-queue',
    {
      config: { permission: 'profile:read:any' },
      schema: {
        tags: ['security-profile'],
        summary: 'Submitted profile versions waiting for review, oldest first (CBP)',
        querystring: ReviewQueueQuerySchema,
        response: { 200: ReviewQueuePageSchema, ...ERRORS },
      },
    },
    (request) => listReviewQueue(request.serviceContext(), request.query),
  );

  app.get(
    '/profiles/versions/:versionId',
    {
      config: { permission: 'profile:read:any' },
      schema: {
        tags: ['security-profile'],
        summary: 'A submitted version, its reviews and what changed since the last round (CBP)',
        params: VersionIdParamsSchema,
        response: { 200: ProfileVersionSchema, ...ERRORS },
      },
    },
    (request) => getVersionForReview(request.serviceContext(), request.params.versionId),
  );

  app.put(
    '/profiles/versions/:versionId/reviews/:criterionId',
    {
      config: { permission: 'profile:review:any' },
      schema: {
        tags: ['security-profile'],
        summary: 'Approve or return (with a comment) one criterion of a version in review (CBP)',
        params: CriterionReviewParamsSchema,
        body: ReviewCriterionBodySchema,
        response: { 200: CriterionReviewSchema, ...ERRORS },
      },
    },
    (request) =>
      reviewCriterion(
        request.serviceContext(),
        request.params.versionId,
        request.params.criterionId,
        request.body,
      ),
  );

  app.post(
    '/profiles/versions/:versionId/decision',
    {
      config: { permission: 'profile:review:any' },
      schema: {
        tags: ['security-profile'],
        summary: 'Return the version to the member or approve it (CBP)',
        params: VersionIdParamsSchema,
        body: DecideVersionBodySchema,
        response: { 200: ProfileVersionSchema, ...ERRORS },
      },
    },
    (request) => decideVersion(request.serviceContext(), request.params.versionId, request.body),
  );
};
