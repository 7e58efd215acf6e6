import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STANDARD_ERROR_RESPONSES } from '../../../domain/errors/error-response.schema.ts';
import {
  AddCommentBodySchema,
  AssignSectionBodySchema,
  CategoryParamsSchema,
  CriterionParamsSchema,
  ProfileCommentListSchema,
  ProfileCommentSchema,
  ProfileMemberParamsSchema,
  SaveAnswerBodySchema,
  SavedAnswerSchema,
  SecurityProfileViewSchema,
} from '../../../domain/security-profile/security-profile.schema.ts';
import {
  addComment,
  assignSection,
  getMemberSecurityProfile,
  getOwnSecurityProfile,
  listComments,
  moveToCurrentCatalog,
  saveAnswer,
  startSecurityProfile,
} from './security-profile.service.ts';

const ERRORS = STANDARD_ERROR_RESPONSES;

/** The company's Security Profile (issue 5, items 2, 3 and 8) and CBP's read of it. */
export const securityProfileRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/profile',
    {
      config: { permission: 'profile:read' },
      schema: {
        tags: ['security-profile'],
        summary:
          "Your company's Security Profile by category: criteria, answers, progress, readiness",
        response: { 200: SecurityProfileViewSchema, ...ERRORS },
      },
    },
    (request) => getOwnSecurityProfile(request.serviceContext()),
  );

  app.post(
    '/profile',
    {
      config: { permission: 'profile:edit' },
      schema: {
        tags: ['security-profile'],
        summary: 'Start the initial Security Profile against the current criteria catalog',
        body: z.object({}).strict().optional(),
        response: { 201: SecurityProfileViewSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const view = await startSecurityProfile(request.serviceContext());
      return reply.status(201).send(view);
    },
  );

  app.put(
    '/profile/answers/:criterionId',
    {
      config: { permission: 'profile:edit' },
      schema: {
        tags: ['security-profile'],
        summary: 'Autosave the answer to one criterion (409 with the current answer when stale)',
        params: CriterionParamsSchema,
        body: SaveAnswerBodySchema,
        response: { 200: SavedAnswerSchema, ...ERRORS },
      },
    },
    (request) => saveAnswer(request.serviceContext(), request.params.criterionId, request.body),
  );

  app.put(
    '/profile/assignments/:category',
    {
      config: { permission: 'profile:assign' },
      schema: {
        tags: ['security-profile'],
        summary: 'Assign a section (MSC category) to one of the company’s people, or unassign it',
        params: CategoryParamsSchema,
        body: AssignSectionBodySchema,
        response: {
          200: z.object({ category: z.number().int(), assigneeUserId: z.uuid().nullable() }),
          ...ERRORS,
        },
      },
    },
    (request) => assignSection(request.serviceContext(), request.params.category, request.body),
  );

  app.get(
    '/profile/comments/:criterionId',
    {
      config: { permission: 'profile:read' },
      schema: {
        tags: ['security-profile'],
        summary: 'The company’s discussion of one criterion, oldest first',
        params: CriterionParamsSchema,
        response: { 200: ProfileCommentListSchema, ...ERRORS },
      },
    },
    (request) => listComments(request.serviceContext(), request.params.criterionId),
  );

  app.post(
    '/profile/comments/:criterionId',
    {
      config: { permission: 'profile:edit' },
      schema: {
        tags: ['security-profile'],
        summary: 'Add a comment to the company’s discussion of one criterion',
        params: CriterionParamsSchema,
        body: AddCommentBodySchema,
        response: { 201: ProfileCommentSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const comment = await addComment(
        request.serviceContext(),
        request.params.criterionId,
        request.body,
      );
      return reply.status(201).send(comment);
    },
  );

  app.post(
    '/profile/catalog-update',
    {
      config: { permission: 'profile:edit' },
      schema: {
        tags: ['security-profile'],
        summary:
          'Move the draft or returned profile to the current catalog version (changed answers to re-confirm)',
        body: z.object({}).strict().optional(),
        response: { 200: SecurityProfileViewSchema, ...ERRORS },
      },
    },
    (request) => moveToCurrentCatalog(request.serviceContext()),
  );

  app.get(
    '/registry/members/:organisationId/security-profile',
    {
      config: { permission: 'profile:read:any' },
      schema: {
        tags: ['security-profile'],
        summary: 'A member’s Security Profile (CBP, read only)',
        params: ProfileMemberParamsSchema,
        response: { 200: SecurityProfileViewSchema, ...ERRORS },
      },
    },
    (request) => getMemberSecurityProfile(request.serviceContext(), request.params.organisationId),
  );
};
