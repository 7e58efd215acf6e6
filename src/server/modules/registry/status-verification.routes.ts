import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { STANDARD_ERROR_RESPONSES } from '../../../domain/errors/error-response.schema.ts';
import {
  JoinSviBodySchema,
  RequestSviConnectionBodySchema,
  SendStatusConfirmationBodySchema,
  SVI_CONNECTION_ACTIONS,
  SviConnectionIdParamsSchema,
  SviConnectionListSchema,
  SviConnectionSchema,
  SviParticipationSchema,
  SviPartnerParamsSchema,
  SviPartnerStatusSchema,
  SviStatusConfirmationListSchema,
  SviStatusConfirmationSchema,
} from '../../../domain/registry/status-verification/svi.schema.ts';
import {
  actOnConnection,
  getParticipation,
  getPartnerStatus,
  joinSvi,
  leaveSvi,
  listConnections,
  listStatusConfirmations,
  requestConnection,
  sendStatusConfirmation,
} from './status-verification.service.ts';

const ERRORS = STANDARD_ERROR_RESPONSES;

/**
 * Connection requests go to numbers a person types: a generous limit for real use that still
 * makes trying numbers pointless (60 random bits, and an unknown number reveals nothing).
 */
export const SVI_CONNECTION_REQUEST_RATE_LIMIT = { max: 30, timeWindow: '1 hour' };
/** Machine verification runs from partners' systems; per client address. */
export const SVI_PARTNER_STATUS_RATE_LIMIT = { max: 300, timeWindow: '1 minute' };
/** Official e-mails to people without an account: no mass mailing through the platform. */
export const SVI_STATUS_CONFIRMATION_RATE_LIMIT = { max: 20, timeWindow: '1 hour' };

const ACTION_SUMMARIES = {
  accept: 'Accept a connection request your company received',
  decline: 'Decline a connection request your company received',
  cancel: 'Cancel a connection request your company sent, while pending',
  end: 'End an accepted connection (either company)',
} as const;

export const statusVerificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/svi/participation',
    {
      config: { permission: 'svi:read' },
      schema: {
        tags: ['svi'],
        summary: 'Whether your company takes part in SVI, and its SVI number',
        response: { 200: SviParticipationSchema, ...ERRORS },
      },
    },
    (request) => getParticipation(request.serviceContext()),
  );

  app.post(
    '/svi/participation',
    {
      config: { permission: 'svi:manage' },
      schema: {
        tags: ['svi'],
        summary: 'Join SVI: consent to share your CTPAT status with connected partners',
        body: JoinSviBodySchema,
        response: { 200: SviParticipationSchema, ...ERRORS },
      },
    },
    (request) => joinSvi(request.serviceContext(), request.body),
  );

  app.delete(
    '/svi/participation',
    {
      config: { permission: 'svi:manage' },
      schema: {
        tags: ['svi'],
        summary: 'Leave SVI: withdraw consent and end every connection',
        response: { 200: SviParticipationSchema, ...ERRORS },
      },
    },
    (request) => leaveSvi(request.serviceContext()),
  );

  app.get(
    '/svi/connections',
    {
      config: { permission: 'svi:read' },
      schema: {
        tags: ['svi'],
        summary: 'Your pending and accepted connections, with connected partners’ status',
        response: { 200: SviConnectionListSchema, ...ERRORS },
      },
    },
    (request) => listConnections(request.serviceContext()),
  );

  app.post(
    '/svi/connections',
    {
      config: { permission: 'svi:manage', rateLimit: SVI_CONNECTION_REQUEST_RATE_LIMIT },
      schema: {
        tags: ['svi'],
        summary: 'Send a connection request to the company holding an SVI number',
        body: RequestSviConnectionBodySchema,
        response: { 201: SviConnectionSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const connection = await requestConnection(request.serviceContext(), request.body);
      return reply.status(201).send(connection);
    },
  );

  for (const action of SVI_CONNECTION_ACTIONS) {
    app.post(
      `/svi/connections/:connectionId/${action}`,
      {
        config: { permission: 'svi:manage' },
        schema: {
          tags: ['svi'],
          summary: ACTION_SUMMARIES[action],
          params: SviConnectionIdParamsSchema,
          response: { 200: SviConnectionSchema, ...ERRORS },
        },
      },
      (request) => actOnConnection(request.serviceContext(), request.params.connectionId, action),
    );
  }

  app.get(
    '/svi/partners/:sviNumber/status',
    {
      config: { permission: 'svi:read', rateLimit: SVI_PARTNER_STATUS_RATE_LIMIT },
      schema: {
        tags: ['svi'],
        summary:
          'A connected partner’s current CTPAT status (for machines: Authorization: Bearer ctpat_…)',
        params: SviPartnerParamsSchema,
        response: { 200: SviPartnerStatusSchema, ...ERRORS },
      },
    },
    (request) => getPartnerStatus(request.serviceContext(), request.params.sviNumber),
  );

  app.get(
    '/svi/status-confirmations',
    {
      config: { permission: 'svi:read' },
      schema: {
        tags: ['svi'],
        summary: 'Official status confirmations your company e-mailed, newest first',
        response: { 200: SviStatusConfirmationListSchema, ...ERRORS },
      },
    },
    (request) => listStatusConfirmations(request.serviceContext()),
  );

  app.post(
    '/svi/status-confirmations',
    {
      config: { permission: 'svi:manage', rateLimit: SVI_STATUS_CONFIRMATION_RATE_LIMIT },
      schema: {
        tags: ['svi'],
        summary: 'E-mail an official confirmation of your CTPAT status to a non-member',
        body: SendStatusConfirmationBodySchema,
        response: { 201: SviStatusConfirmationSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const sent = await sendStatusConfirmation(request.serviceContext(), request.body);
      return reply.status(201).send(sent);
    },
  );
};
