import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { STANDARD_ERROR_RESPONSES } from '../../../domain/errors/error-response.schema.ts';
import {
  OwnPilotViewSchema,
  PilotDecisionBodySchema,
  PilotQueueSchema,
  PilotRequestBodySchema,
  PilotRequestIdParamsSchema,
  PilotRequestViewSchema,
  PilotWithdrawBodySchema,
} from '../../../domain/registry/lifecycle/pilot.schema.ts';
import {
  decidePilotRequestByCbp,
  getOwnPilot,
  getPilotQueue,
  requestPilotPlace,
  withdrawPilotRequest,
} from './pilot.service.ts';

const ERRORS = STANDARD_ERROR_RESPONSES;

/** The 3PL pilot (issue 4, item 6; P.L. 118-98; 90 FR 52690). */
export const pilotRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/registry/pilot',
    {
      config: { permission: 'registry:read' },
      schema: {
        tags: ['registry'],
        summary: "The 3PL pilot's dates and places left, and your company's requests",
        response: { 200: OwnPilotViewSchema, ...ERRORS },
      },
    },
    (request) => getOwnPilot(request.serviceContext()),
  );

  app.post(
    '/registry/pilot/requests',
    {
      config: { permission: 'pilot:request' },
      schema: {
        tags: ['registry'],
        summary:
          'Ask for your company to join the 3PL pilot (company officer): waiting in line, or refused when the category is full',
        body: PilotRequestBodySchema,
        response: { 201: PilotRequestViewSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const created = await requestPilotPlace(request.serviceContext(), request.body);
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/registry/pilot/requests/:requestId/withdraw',
    {
      config: { permission: 'pilot:request' },
      schema: {
        tags: ['registry'],
        summary: "Withdraw your company's pilot request, or leave the pilot",
        params: PilotRequestIdParamsSchema,
        body: PilotWithdrawBodySchema,
        response: { 200: PilotRequestViewSchema, ...ERRORS },
      },
    },
    (request) =>
      withdrawPilotRequest(request.serviceContext(), request.params.requestId, request.body),
  );

  app.get(
    '/registry/pilot/requests',
    {
      config: { permission: 'pilot:manage:any' },
      schema: {
        tags: ['registry'],
        summary: 'Every 3PL pilot request per category, first come first served (CBP)',
        response: { 200: PilotQueueSchema, ...ERRORS },
      },
    },
    (request) => getPilotQueue(request.serviceContext()),
  );

  app.post(
    '/registry/pilot/requests/:requestId/decision',
    {
      config: { permission: 'pilot:manage:any' },
      schema: {
        tags: ['registry'],
        summary: 'Accept a waiting request within the cap, or refuse it with a reason (CBP)',
        params: PilotRequestIdParamsSchema,
        body: PilotDecisionBodySchema,
        response: { 200: PilotRequestViewSchema, ...ERRORS },
      },
    },
    (request) =>
      decidePilotRequestByCbp(request.serviceContext(), request.params.requestId, request.body),
  );
};
