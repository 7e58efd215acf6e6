import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { STANDARD_ERROR_RESPONSES } from '../../../domain/errors/error-response.schema.ts';
import { OwnMembershipTransitionBodySchema } from '../../../domain/registry/lifecycle/member-transition.schema.ts';
import {
  MemberIdParamsSchema,
  MembershipFileSchema,
  MemberTransitionBodySchema,
  SaveApplicationBodySchema,
  SubmitApplicationBodySchema,
} from '../../../domain/registry/registry.schema.ts';
import { memberQueueRoutes } from './member-queue.routes.ts';
import {
  getMemberFile,
  getOwnMembership,
  saveApplication,
  submitApplication,
  transitionMember,
  transitionOwnMembership,
} from './registry.service.ts';

const ERRORS = STANDARD_ERROR_RESPONSES;

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

  app.post(
    '/registry/membership/transitions',
    {
      config: { permission: 'registry:submit' },
      schema: {
        tags: ['registry'],
        summary: 'Withdraw, answer a suspension or apply again (the company officer)',
        body: OwnMembershipTransitionBodySchema,
        response: { 200: MembershipFileSchema, ...ERRORS },
      },
    },
    (request) => transitionOwnMembership(request.serviceContext(), request.body),
  );

  // The CBP work queue: GET /registry/members, its export and bulk transitions.
  await app.register(memberQueueRoutes);

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
