import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcceptInvitationBodySchema,
  CreateInvitationBodySchema,
  InvitationIdParamsSchema,
  InvitationListSchema,
  InvitationPreviewSchema,
  InvitationSchema,
  InvitationTokenQuerySchema,
} from '../../../domain/accounts/invitation.schema.ts';
import { SessionViewSchema } from '../../../domain/accounts/session.schema.ts';
import { ErrorResponseSchema } from '../../../domain/errors/error-response.schema.ts';
import { setSessionCookie } from '../../plugins/authentication.ts';
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  previewInvitation,
  revokeInvitationById,
} from './invitations.service.ts';
import { describeSessionToken } from './sessions.service.ts';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema };

/** Sending invitations (e-mails to outside addresses) is limited per client address. */
export const INVITATION_RATE_LIMIT = { max: 30, timeWindow: '1 hour' };
/** Public routes that take a one-time token: bounds guessing and argon2 work per address. */
export const INVITATION_TOKEN_RATE_LIMIT = { max: 10, timeWindow: '1 minute' };

export const invitationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/invitations',
    {
      config: { permission: 'users:manage', rateLimit: INVITATION_RATE_LIMIT },
      schema: {
        tags: ['invitations'],
        summary: 'Invite someone to your organisation with a role (e-mails a 7-day link)',
        body: CreateInvitationBodySchema,
        response: {
          201: InvitationSchema,
          409: ErrorResponseSchema,
          429: ErrorResponseSchema,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const invitation = await createInvitation(request.serviceContext(), request.body);
      return reply.status(201).send(invitation);
    },
  );

  app.get(
    '/invitations',
    {
      config: { permission: 'users:manage' },
      schema: {
        tags: ['invitations'],
        summary: "Your organisation's pending invitations, newest first",
        response: { 200: InvitationListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listInvitations(request.serviceContext()) }),
  );

  app.delete(
    '/invitations/:id',
    {
      config: { permission: 'users:manage' },
      schema: {
        tags: ['invitations'],
        summary: 'Withdraw an invitation',
        params: InvitationIdParamsSchema,
        response: { 204: z.null(), 404: ErrorResponseSchema, 409: ErrorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      await revokeInvitationById(request.serviceContext(), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/invitations/preview',
    {
      config: { permission: null, rateLimit: INVITATION_TOKEN_RATE_LIMIT },
      schema: {
        tags: ['invitations'],
        summary: 'What an invitation link offers, before accepting (public: the token decides)',
        querystring: InvitationTokenQuerySchema,
        response: { 200: InvitationPreviewSchema, 429: ErrorResponseSchema, ...errors },
      },
    },
    (request) => previewInvitation(request.serviceContext(), request.query.token),
  );

  app.post(
    '/invitations/accept',
    {
      config: { permission: null, rateLimit: INVITATION_TOKEN_RATE_LIMIT },
      schema: {
        tags: ['invitations'],
        summary:
          'Accept an invitation: a new address gets an account and is signed in; an existing ' +
          'account must be signed in and gains the membership',
        body: AcceptInvitationBodySchema,
        response: {
          200: SessionViewSchema,
          409: ErrorResponseSchema,
          429: ErrorResponseSchema,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const ctx = request.serviceContext();
      const started = await acceptInvitation(ctx, {
        ...request.body,
        userAgent: request.headers['user-agent'] ?? null,
      });
      if (started) {
        setSessionCookie(reply, ctx.runtime, started.token, started.expiresAt);
        return describeSessionToken(ctx, started.token);
      }
      return describeSessionToken(ctx, request.sessionToken);
    },
  );
};
