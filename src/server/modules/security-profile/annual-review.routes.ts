import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STANDARD_ERROR_RESPONSES } from '../../../domain/errors/error-response.schema.ts';
import { AnnualReviewStatusSchema } from '../../../domain/security-profile/annual-review.schema.ts';
import {
  ProfileMemberParamsSchema,
  SecurityProfileViewSchema,
} from '../../../domain/security-profile/security-profile.schema.ts';
import {
  getMemberAnnualReview,
  getOwnAnnualReview,
  startAnnualReview,
} from './annual-review.service.ts';

const ERRORS = STANDARD_ERROR_RESPONSES;

/** The annual Security Profile review (issue 5, item 6). */
export const annualReviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/profile/annual-review',
    {
      config: { permission: 'profile:read' },
      schema: {
        tags: ['security-profile'],
        summary:
          'Your company’s annual review: the anniversary, its window, whether it can start, the cycle’s progress',
        response: { 200: AnnualReviewStatusSchema, ...ERRORS },
      },
    },
    (request) => getOwnAnnualReview(request.serviceContext()),
  );

  app.post(
    '/profile/annual-review',
    {
      config: { permission: 'profile:edit' },
      schema: {
        tags: ['security-profile'],
        summary:
          'Start the annual review: a new profile from the last approved version, every answer to re-confirm',
        body: z.object({}).strict().optional(),
        response: { 201: SecurityProfileViewSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const view = await startAnnualReview(request.serviceContext());
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/registry/members/:organisationId/annual-review',
    {
      config: { permission: 'profile:read:any' },
      schema: {
        tags: ['security-profile'],
        summary: 'A member’s annual review: window, cycle progress, late or overdue (CBP)',
        params: ProfileMemberParamsSchema,
        response: { 200: AnnualReviewStatusSchema, ...ERRORS },
      },
    },
    (request) => getMemberAnnualReview(request.serviceContext(), request.params.organisationId),
  );
};
