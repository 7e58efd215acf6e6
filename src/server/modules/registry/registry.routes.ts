import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponseSchema } from '../../../domain/errors/error-response.schema.ts';
import {
  MemberIdParamsSchema,
  MemberListQuerySchema,
  MemberPageSchema,
  MembershipFileSchema,
  MemberTransitionBodySchema,
  SaveApplicationBodySchema,
  SubmitApplicationBodySchema,
} from '../../../domain/registry/registry.schema.ts';
import {
  getMemberFile,
  getOwnMembership,
  listMembers,
  saveApplication,
  submitApplication,
  transitionMember,
} from './registry.service.ts';

const ERRORS = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
  409: ErrorResponseSchema,
};

export const registryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/registry/membership',
    {
      config: { permission: 'registry:read' },
      schema: {
        tags: ['registry'],
        summary: "Your company's CTPAT membership: state, tier, entity types, clocks, history",
        response: { 200: MembershipFileSchema, ...ERRORS },
      },
    },
    (request) => getOwnMembership(request.serviceContext()),
  );

  app.put(
    '/registry/application',
    {
      config: { permission: 'registry:apply' },
      schema: {
        tags: ['registry'],
        summary: "Save your company's draft application (entity types, identifiers, eligibility)",
        body: SaveApplicationBodySchema,
        response: { 200: MembershipFileSchema, ...ERRORS },
      },
    },
    (request) => saveApplication(request.serviceContext(), request.body),
  );

  app.post(
    '/registry/application/submit',
    {
      config: { permission: 'registry:submit' },
      schema: {
        tags: ['registry'],
        summary: 'Submit the application and accept the partner agreement (company officer)',
        body: SubmitApplicationBodySchema,
        response: { 200: MembershipFileSchema, ...ERRORS },
      },
    },
    (request) => submitApplication(request.serviceContext(), request.body),
  );

  app.get(
    '/registry/members',
    {
      config: { permission: 'registry:read:any' },
      schema: {
        tags: ['registry'],
        summary: 'Every member company’s membership, by name (CBP)',
        querystring: MemberListQuerySchema,
        response: { 200: MemberPageSchema, ...ERRORS },
      },
    },
    (request) => listMembers(request.serviceContext(), request.query),
  );

  app.get(
    '/registry/members/:organisationId',
    {
      config: { permission: 'registry:read:any' },
      schema: {
        tags: ['registry'],
        summary: 'One member’s file: state, entity types, clocks, status history (CBP)',
        params: MemberIdParamsSchema,
        response: { 200: MembershipFileSchema, ...ERRORS },
      },
    },
    (request) => getMemberFile(request.serviceContext(), request.params.organisationId),
  );

  app.post(
    '/registry/members/:organisationId/transitions',
    {
      config: { permission: 'registry:review:any' },
      schema: {
        tags: ['registry'],
        summary: 'Apply a lifecycle transition to a member (assign, review, certify, ...) (CBP)',
        params: MemberIdParamsSchema,
        body: MemberTransitionBodySchema,
        response: { 200: MembershipFileSchema, ...ERRORS },
      },
    },
    (request) =>
      transitionMember(request.serviceContext(), request.params.organisationId, request.body),
  );
};
